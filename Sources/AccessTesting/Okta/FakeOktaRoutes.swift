import Foundation

/// The endpoints of Okta's management API the fake serves (integrations.md §1), with
/// Okta's status codes and error codes.
extension FakeOktaData {
    mutating func route(method: String, segments: [String], query: [String: String], body: [UInt8]) -> FakeOktaAnswer {
        let captures = { (pattern: String) in Self.match(pattern, segments) }
        if method == "GET", captures("api/v1/users") != nil { return search(query) }
        if method == "GET", let key = captures("api/v1/users/*")?.first {
            guard let user = user(key) else { return .error(404, "E0000007", "Not found: Resource not found: \(key) (User)") }
            return .reply(status: 200, json: FakeOktaJSON.user(user))
        }
        if method == "PUT" || method == "DELETE", let ids = captures("api/v1/groups/*/users/*") {
            let (group, userID) = (ids[0], ids[1])
            guard groups[group] != nil, userByID(userID) != nil else {
                return .error(404, "E0000007", "Not found: Resource not found: \(userID) (User)")
            }
            if method == "PUT" { groups[group, default: []].insert(userID) } else { groups[group, default: []].remove(userID) }
            return .noContent
        }
        if method == "POST", let app = captures("api/v1/apps/*/users")?.first { return assign(app: app, body: body) }
        if let ids = captures("api/v1/apps/*/users/*") {
            let (app, userID) = (ids[0], ids[1])
            switch method {
            case "GET", "DELETE":
                guard apps[app]?.contains(userID) == true, let user = userByID(userID) else {
                    return .error(404, "E0000007", "Not found: Resource not found: \(userID) (AppUser)")
                }
                if method == "DELETE" {
                    apps[app]?.remove(userID)
                    return .noContent
                }
                return .reply(status: 200, json: FakeOktaJSON.appUser(user))
            case "PUT":
                return .error(405, "E0000022", "The endpoint does not support the provided HTTP method")
            default:
                break
            }
        }
        return .error(404, "E0000007", "Not found: Resource not found")
    }

    /// The `*` segments of `pattern` when the path has its shape, else nil.
    static func match(_ pattern: String, _ segments: [String]) -> [String]? {
        let parts = pattern.split(separator: "/").map(String.init)
        guard parts.count == segments.count else { return nil }
        var captures: [String] = []
        for (part, segment) in zip(parts, segments) {
            if part == "*" {
                captures.append(segment)
            } else if part != segment {
                return nil
            }
        }
        return captures
    }

    /// `search=profile.ATTR eq "VALUE"` only; anything else is a bad expression (400 E0000031).
    private func search(_ query: [String: String]) -> FakeOktaAnswer {
        guard let expression = query["search"] else { return .reply(status: 200, json: FakeOktaJSON.users(users)) }
        let parts = expression.components(separatedBy: " eq ")
        guard parts.count == 2, parts[0].hasPrefix("profile."), parts[1].count >= 2, parts[1].hasPrefix("\""), parts[1].hasSuffix("\"")
        else { return .error(400, "E0000031", "Invalid search criteria.") }
        let attribute = String(parts[0].dropFirst("profile.".count))
        let value = String(parts[1].dropFirst().dropLast()).lowercased()
        let found = users.filter { user in
            let field: String? =
                switch attribute {
                case "login": user.login
                case "email": user.email
                case "employeeNumber": user.employeeNumber
                case "managerId": user.managerId
                default: nil
                }
            return field?.lowercased() == value
        }
        let limit = query["limit"].flatMap(Int.init) ?? 200
        return .reply(status: 200, json: FakeOktaJSON.users(Array(found.prefix(limit))))
    }

    private mutating func assign(app: String, body: [UInt8]) -> FakeOktaAnswer {
        guard apps[app] != nil else { return .error(404, "E0000007", "Not found: Resource not found: \(app) (AppInstance)") }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            return .error(400, "E0000003", "The request body was not well-formed.")
        }
        guard let userID = object["id"] as? String else { return .error(400, "E0000001", "Api validation failed: id") }
        guard let user = userByID(userID) else { return .error(404, "E0000007", "Not found: Resource not found: \(userID) (User)") }
        guard user.status != "DEPROVISIONED" else {
            return .error(403, "E0000117", "Cannot assign apps or update app profiles for an inactive user.")
        }
        if apps[app]?.contains(userID) == true, alreadyAssignedConflict {
            return .error(409, "E0000062", "The specified user is already assigned to the application.")
        }
        apps[app, default: []].insert(userID)
        return .reply(status: 200, json: FakeOktaJSON.appUser(user))
    }
}
