import Hummingbird

/// Lets a request through only with `Authorization: Bearer ADMIN_API_TOKEN`. Anything else
/// (no header, another scheme, a wrong token, two headers) is 401 `{"error":"unauthorized"}`
/// with nothing said about which.
struct AdminTokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    private let expected: [UInt8]

    /// An empty token never matches.
    init(token: String) {
        expected = Array(token.utf8)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard authorizes(request.headers[values: .authorization]) else {
            context.logger.notice("admin API call refused: missing or wrong token")
            throw AdminAPIError.unauthorized.response
        }
        return try await next(request, context)
    }

    func authorizes(_ values: [String]) -> Bool {
        guard !expected.isEmpty, values.count == 1 else { return false }
        let value = values[0]
        // The scheme name is case-insensitive (RFC 9110 §11.1).
        guard value.utf8.count > 7, value.prefix(7).lowercased() == "bearer " else { return false }
        let presented = Array(value.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8)
        return Self.constantTimeEquals(presented, expected)
    }

    /// Compares every byte of the expected token whatever the presented one holds, so the time
    /// taken says nothing about how much of a guess was right.
    static func constantTimeEquals(_ presented: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference: UInt8 = presented.count == expected.count ? 0 : 1
        for index in expected.indices {
            difference |= expected[index] ^ (index < presented.count ? presented[index] : 0)
        }
        return difference == 0
    }
}
