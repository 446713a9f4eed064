import HTTPTransport

extension OktaClient {
    /// `GET /api/v1/users/{id or login}`; nil on 404. The login is percent-encoded as a path segment.
    public func user(_ idOrLogin: String) async throws(OktaError) -> OktaUser? {
        guard !idOrLogin.isEmpty else { return nil }
        do {
            return try await send(.get, "/api/v1/users/" + OktaPath.segment(idOrLogin)).decode(OktaUser.self)
        } catch .api(let error) where error.status == 404 {
            return nil
        }
    }

    /// `GET /api/v1/users?search=…` (eventually consistent; includes deactivated users).
    public func searchUsers(_ expression: String, limit: Int = 2) async throws(OktaError) -> [OktaUser] {
        try await send(.get, "/api/v1/users", query: [("search", expression), ("limit", String(limit))]).decode([OktaUser].self)
    }

    /// A person by login, else by primary email when exactly one user has it (email is not unique).
    public func findUser(login: String) async throws(OktaError) -> OktaUser? {
        if let user = try await user(login) { return user }
        guard login.contains("@"), let expression = OktaPath.equals("profile.email", login) else { return nil }
        let matches = try await searchUsers(expression)
        return matches.count == 1 ? matches.first : nil
    }

    /// The user's manager from a profile attribute (`managerId` by default): fetched by id or
    /// login, else found by `employeeNumber`. Nil when the attribute is empty or names nobody.
    /// The `manager` attribute is only a display name and is never used.
    public func manager(of user: OktaUser, attribute: String = "managerId") async throws(OktaError) -> OktaUser? {
        guard let reference = user.profile[attribute]?.trimmingCharacters(in: .whitespaces), !reference.isEmpty else { return nil }
        if let manager = try await self.user(reference) { return manager }
        guard let expression = OktaPath.equals("profile.employeeNumber", reference) else { return nil }
        let matches = try await searchUsers(expression)
        return matches.count == 1 ? matches.first : nil
    }
}
