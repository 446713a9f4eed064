import Foundation

/// A user the fake Okta knows.
public struct FakeOktaUser: Sendable, Hashable {
    public var id: String
    public var login: String
    public var email: String
    public var firstName: String
    public var lastName: String
    /// `ACTIVE`, `SUSPENDED`, `DEPROVISIONED`, `STAGED`, …
    public var status: String
    /// The manager's id, login or employee number, as HR systems fill it in.
    public var managerId: String?
    public var employeeNumber: String?

    public init(
        id: String, login: String, email: String? = nil, firstName: String = "", lastName: String = "", status: String = "ACTIVE",
        managerId: String? = nil, employeeNumber: String? = nil
    ) {
        self.id = id
        self.login = login
        self.email = email ?? login
        self.firstName = firstName
        self.lastName = lastName
        self.status = status
        self.managerId = managerId
        self.employeeNumber = employeeNumber
    }
}

/// One call the fake received, with what it answered.
public struct FakeOktaCall: Sendable {
    public var method: String
    /// The request target as sent (`/api/v1/users/alice%40example.com`).
    public var target: String
    /// The path with its segments decoded (`/api/v1/users/alice@example.com`).
    public var path: String
    /// Query parameters, decoded.
    public var query: [String: String]
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var status: Int
    /// The `X-Okta-Request-Id` the fake answered with.
    public var requestID: String
    public var at: Date

    /// The first value of a request header, ignoring the name's case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as JSON, when it is an object.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}

/// A failure the fake answers with, before any other check.
public enum FakeOktaFailure: Sendable {
    /// `429 E0000047` with `X-Rate-Limit-Limit`/`-Remaining: 0`/`-Reset` = the `Date` plus
    /// `resetIn` seconds (a concurrency 429 sends limit and remaining `0` and an estimate).
    case rateLimited(resetIn: Int, concurrency: Bool = false)
    /// An Okta error object with this status and code (`500 E0000009`, `403 E0000006`).
    case error(status: Int, code: String)
    /// Closes the connection without an answer.
    case dropConnection
}
