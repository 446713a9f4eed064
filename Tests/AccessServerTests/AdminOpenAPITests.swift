import AccessCore
import AccessTesting
import Foundation
import HTTPTransport
import Testing
import Yams

@testable import AccessServer

/// The OpenAPI document against the routes and the answers: every registered route is in it,
/// nothing else is, and real answers (successes and errors) have a documented status, content
/// type and the shape of their schema.
@Suite struct AdminOpenAPITests {
    static func document() throws -> [String: Any] {
        try #require(try Yams.load(yaml: OpenAPIDocument.yaml) as? [String: Any])
    }

    @Test("the document is OpenAPI 3.1, and every $ref in it resolves")
    func wellFormed() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        var refs: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String { refs.append(ref) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(document)
        #expect(!refs.isEmpty)
        for ref in refs { #expect(SchemaCheck(document: document).resolve(ref) != nil, "\(ref)") }
    }

    @Test("every registered route is documented, and nothing else is")
    func routesMatchTheDocument() throws {
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, item) in paths {
            for method in ["get", "put", "post", "delete", "patch"] where item[method] != nil {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let registered = Set(AdminEndpoint.allCases.map { "\($0.method.rawValue) \($0.path)" })
        #expect(registered == documented)
        for endpoint in AdminEndpoint.allCases {
            let operation = paths[endpoint.path]?[endpoint.method.rawValue.lowercased()] as? [String: Any]
            let security = operation?["security"] as? [Any]
            #expect((security?.isEmpty ?? false) == !endpoint.needsToken, "\(endpoint): security as documented")
        }
    }

    /// One call and the operation it exercises.
    struct Call: Sendable {
        let endpoint: AdminEndpoint
        let path: String
        var token = true
    }

    static let calls: [Call] = [
        Call(endpoint: .openAPIDocument, path: "/api/v1/openapi.yaml", token: false),
        Call(endpoint: .listRequests, path: "/api/v1/requests?limit=2"),
        Call(endpoint: .listRequests, path: "/api/v1/requests?limit=0"),
        Call(endpoint: .listRequests, path: "/api/v1/requests", token: false),
        Call(endpoint: .getRequest, path: "/api/v1/requests/R-SEED0006"),
        Call(endpoint: .getRequest, path: "/api/v1/requests/R-SEED0004"),
        Call(endpoint: .getRequest, path: "/api/v1/requests/R-NOPE0000"),
        Call(endpoint: .auditTrail, path: "/api/v1/requests/R-SEED0004/audit"),
        Call(endpoint: .auditTrail, path: "/api/v1/requests/R-NOPE0000/audit"),
        Call(endpoint: .retryGrant, path: "/api/v1/requests/R-SEED0008/retry-grant"),
        Call(endpoint: .retryGrant, path: "/api/v1/requests/R-SEED0001/retry-grant"),
        Call(endpoint: .retryGrant, path: "/api/v1/requests/R-NOPE0000/retry-grant"),
        Call(endpoint: .listResources, path: "/api/v1/resources"),
        Call(endpoint: .listTeams, path: "/api/v1/teams"),
        Call(endpoint: .listConfigurationLists, path: "/api/v1/configuration-lists"),
        Call(endpoint: .listRequestTypes, path: "/api/v1/request-types"),
        Call(endpoint: .listRequestTypes, path: "/api/v1/request-types", token: false),
        Call(endpoint: .pastAccessRequestsReport, path: "/api/v1/reports/past-access-requests"),
        Call(endpoint: .pastAccessRequestsReport, path: "/api/v1/reports/past-access-requests?format=jsonl"),
        Call(endpoint: .pastAccessRequestsReport, path: "/api/v1/reports/past-access-requests?from=soon"),
    ]

    @Test("real answers match the documented statuses, content types and schemas")
    func answersMatchTheDocument() async throws {
        try await AdminBackend.sqlite.withSeededServer { server in
            let document = try Self.document()
            let check = SchemaCheck(document: document)
            var statusesSeen: [AdminEndpoint: Set<Int>] = [:]
            for call in Self.calls {
                let headers: HTTPHeaders = call.token ? ["Authorization": "Bearer \(adminToken)"] : [:]
                let response =
                    call.endpoint.method == .post
                    ? try await server.post(call.path, body: [], headers: headers) : try await server.get(call.path, headers: headers)
                let operation = try #require(
                    (document["paths"] as? [String: [String: Any]])?[call.endpoint.path]?[call.endpoint.method.rawValue.lowercased()]
                        as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: Any])
                let documented = try #require(
                    responses[String(response.status)].flatMap(check.resolved) as? [String: Any], "\(call.path): status \(response.status)")
                statusesSeen[call.endpoint, default: []].insert(response.status)
                let mediaType = String((response.headers["content-type"] ?? "").split(separator: ";").first ?? "")
                let content = try #require(documented["content"] as? [String: Any])
                let media = try #require(content[mediaType] as? [String: Any], "\(call.path): content type \(mediaType)")
                switch mediaType {
                case "application/json":
                    let json = try JSONSerialization.jsonObject(with: Data(response.body))
                    let problems = check.validate(json, against: try #require(media["schema"]))
                    #expect(problems.isEmpty, "\(call.path) \(response.status): \(problems)")
                case "application/x-ndjson":
                    let schema = try #require(media["x-line-schema"])
                    for line in response.text.split(separator: "\n") {
                        let problems = check.validate(try JSONSerialization.jsonObject(with: Data(line.utf8)), against: schema)
                        #expect(problems.isEmpty, "\(call.path): \(problems)")
                    }
                default:
                    #expect(!response.body.isEmpty, "\(call.path)")
                }
            }
            #expect(Set(statusesSeen.keys) == Set(AdminEndpoint.allCases), "every route was called")
        }
    }
}

/// A small structural JSON Schema check: `$ref`, `type` (one or a list), `required`,
/// `properties`, `items` and `enum`. Enough to catch a missing key, a wrong type or an
/// undocumented value; not a full validator.
struct SchemaCheck {
    let document: [String: Any]

    func resolve(_ ref: String) -> Any? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any? = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
        return node
    }

    /// Follows a `$ref` (response objects and schemas alike).
    func resolved(_ value: Any) -> Any? {
        guard let object = value as? [String: Any], let ref = object["$ref"] as? String else { return value }
        return resolve(ref).flatMap(resolved)
    }

    func validate(_ value: Any, against schemaValue: Any, at path: String = "$") -> [String] {
        guard let schema = resolved(schemaValue) as? [String: Any] else { return ["\(path): unresolvable schema"] }
        var problems: [String] = []
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty, !types.contains(where: { matches(value, type: $0) }) {
            return ["\(path): \(String(describing: value).prefix(40)) is not \(types)"]
        }
        if let allowed = schema["enum"] as? [Any], let text = value as? String, !allowed.contains(where: { "\($0)" == text }) {
            problems.append("\(path): \(text) is not one of \(allowed)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): no \(key)") }
            for (key, property) in schema["properties"] as? [String: Any] ?? [:] {
                if let child = object[key] { problems += validate(child, against: property, at: "\(path).\(key)") }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, element) in array.enumerated() { problems += validate(element, against: items, at: "\(path)[\(index)]") }
        }
        return problems
    }

    private func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": value is NSNull
        case "string": value is String
        case "boolean": value is Bool
        case "integer": (value as? Double).map { $0.rounded() == $0 } ?? false
        case "object": value is [String: Any]
        case "array": value is [Any]
        default: true
        }
    }
}
