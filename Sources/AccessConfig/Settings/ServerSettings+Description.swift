/// What the start-up log may print: every setting, secrets shown only as set or not.
extension ServerSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        var parts = [
            "listen=\(host.contains(":") ? "[\(host)]" : host):\(port)",
            "database=\(database)",
            "config=\(configPath)",
            "public_url=\(publicURL.absoluteString)",
            "admin_api=\(adminAPIToken == nil ? "off" : "on")",
        ]
        parts.append("slack=" + (slack.map { "on (api \($0.apiURL.absoluteString))" } ?? "off"))
        parts.append("teams=" + (teams.map { "on (app \($0.appID), tenant \($0.tenantID ?? "multi-tenant"))" } ?? "off"))
        parts.append("okta=" + (okta.map { "on (\($0.orgURL.absoluteString))" } ?? "off"))
        parts.append("jira=" + (jira.map { "on (\($0.baseURL.absoluteString))" } ?? "off"))
        parts.append("servicenow=" + (serviceNow.map { "on (\($0.url.absoluteString))" } ?? "off"))
        parts.append("log=\(logLevel.rawValue)/\(logFormat.rawValue)")
        return "ServerSettings(" + parts.joined(separator: ", ") + ")"
    }

    public var debugDescription: String { description }

    /// `dump` and debuggers see the redacted description, not the stored secrets.
    public var customMirror: Mirror {
        Mirror(self, children: ["summary": description], displayStyle: .struct)
    }
}
