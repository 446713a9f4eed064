import Foundation
import Hummingbird

/// `GET /healthz` (the process answers) and `GET /readyz` (the database is reachable and migrated).
struct HealthRoutes {
    let state: AppState

    func register(on router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in
            Self.json(.ok, ["status": "ok"])
        }
        router.get("/readyz") { _, context in
            guard let ready = state.ready else {
                return Self.json(.serviceUnavailable, ["status": "not ready", "reason": "database not connected yet"])
            }
            do {
                try await ready.store.ping()
                guard try await ready.store.isMigrated() else {
                    return Self.json(.serviceUnavailable, ["status": "not ready", "reason": "migrations not applied"])
                }
                return Self.json(.ok, ["status": "ready"])
            } catch {
                context.logger.warning("readiness check failed", metadata: ["error": "\(error)"])
                return Self.json(.serviceUnavailable, ["status": "not ready", "reason": "database unreachable"])
            }
        }
    }

    static func json(_ status: HTTPResponse.Status, _ object: [String: String]) -> Response {
        let data = (try? JSONEncoder().encode(object)) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
