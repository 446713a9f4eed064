/// The OpenAPI 3.1 document of the admin API, served at `GET /api/v1/openapi.yaml`. A Swift
/// constant rather than a resource file, so the binary needs no bundle. The OpenAPI test
/// checks that it names every route in `AdminEndpoint` and that real answers match it.
enum OpenAPIDocument {
    static let yaml = header + paths + reportPath + parameters + schemas + catalogSchemas

    private static let header = #"""
        openapi: 3.1.0
        info:
          title: AccessBot admin API
          version: "1"
          description: |
            Read requests, their audit trails and the configuration, retry a failed grant, and
            pull the Past Access Requests report.

            The API exists only when the server has `ADMIN_API_TOKEN`. Every operation but this
            document needs `Authorization: Bearer ADMIN_API_TOKEN`; a missing or wrong token gets
            401 `{"error":"unauthorized"}` and nothing else. Errors are JSON `{"error": "..."}`
            with one sentence. Times are RFC 3339 in UTC, cut to whole seconds. Operations that
            read the database answer 503 while it is not reachable yet. Every documented key
            is always present; `null` where a value does not apply.
        servers:
          - url: /
        security:
          - bearerAuth: []

        """#
}
