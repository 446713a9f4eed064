import Foundation
import Synchronization

/// The fake's data and its call log, behind one lock (the server's threads share it).
struct FakeOktaData {
    var token: String
    var users: [FakeOktaUser]
    var groups: [String: Set<String>]
    var apps: [String: Set<String>]
    var alreadyAssignedConflict = false
    var calls: [FakeOktaCall] = []
    var failures: [(method: String?, pathPrefix: String?, failure: FakeOktaFailure)] = []
    var counter = 0

    /// By id, login (ignoring case) or the login's short name when only one login has it.
    func user(_ key: String) -> FakeOktaUser? {
        if let byID = users.first(where: { $0.id == key }) { return byID }
        if let byLogin = users.first(where: { $0.login.lowercased() == key.lowercased() }) { return byLogin }
        let short = users.filter { $0.login.lowercased().split(separator: "@").first.map(String.init) == key.lowercased() }
        return short.count == 1 ? short.first : nil
    }

    func userByID(_ id: String) -> FakeOktaUser? { users.first { $0.id == id } }

    mutating func takeFailure(method: String, path: String) -> FakeOktaFailure? {
        guard
            let index = failures.firstIndex(where: { entry in
                (entry.method == nil || entry.method == method) && (entry.pathPrefix.map { path.hasPrefix($0) } ?? true)
            })
        else { return nil }
        return failures.remove(at: index).failure
    }
}

/// What the fake answers: a status and a JSON body (nil for 204), or a dropped connection.
enum FakeOktaAnswer {
    case reply(status: Int, json: String?, extraHeaders: [(name: String, value: String)] = [])
    case drop

    static func error(_ status: Int, _ code: String, _ summary: String) -> FakeOktaAnswer {
        .reply(
            status: status,
            json: #"{"errorCode":"\#(code)","errorSummary":"\#(summary)","errorLink":"\#(code)","errorId":"oaeFAKE","errorCauses":[]}"#)
    }

    static let noContent = FakeOktaAnswer.reply(status: 204, json: nil)
}

/// JSON of users as Okta writes them.
enum FakeOktaJSON {
    static func user(_ user: FakeOktaUser) -> String {
        var profile: [String: Any] = [
            "login": user.login, "email": user.email, "firstName": user.firstName, "lastName": user.lastName,
            "displayName": [user.firstName, user.lastName].filter { !$0.isEmpty }.joined(separator: " "),
        ]
        profile["managerId"] = user.managerId ?? NSNull()
        profile["manager"] = user.managerId == nil ? NSNull() : "Some Manager"
        profile["employeeNumber"] = user.employeeNumber ?? NSNull()
        let object: [String: Any] = [
            "id": user.id, "status": user.status, "created": "2024-01-01T00:00:00.000Z", "lastUpdated": "2024-01-01T00:00:00.000Z",
            "profile": profile,
            "_links": ["self": ["href": "https://fake.okta.com/api/v1/users/\(user.id)"]],
        ]
        return serialize(object)
    }

    static func users(_ users: [FakeOktaUser]) -> String { "[" + users.map(user).joined(separator: ",") + "]" }

    static func appUser(_ user: FakeOktaUser) -> String {
        serialize([
            "id": user.id, "externalId": NSNull(), "scope": "USER", "status": "ACTIVE", "syncState": "DISABLED",
            "credentials": ["userName": user.login], "profile": [String: Any](),
        ])
    }

    static func serialize(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
