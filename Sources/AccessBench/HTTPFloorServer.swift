import Hummingbird
import NIOCore

/// `accessbot-bench http-floor [--port 18095]`: a bare Hummingbird 2 server for wrk, to
/// measure what the framework alone answers on this machine (scripts/bench-http-floor.sh).
///
/// `GET /floor` answers `ok`; `POST /floor` reads the whole body (as a slash command's
/// handler must, before it can check the signature) and answers a small JSON object, the
/// size of AccessBot's ephemeral acks. No middleware, no logging, no work: any server on
/// this stack answers at most this many requests a second here, so it bounds what a
/// benchmark of AccessBot on the same two cores can show.
func runHTTPFloorServer(arguments: [String]) async throws {
    let options = BenchOptions(arguments[...])
    let port = options.int("--port") ?? 18095
    let router = Router()
    router.get("/floor") { _, _ in "ok" }
    router.post("/floor") { request, _ -> Response in
        _ = try await request.body.collect(upTo: 1 << 20)
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"response_type":"ephemeral","text":"ok"}"#)))
    }
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
    print("http-floor listening on 127.0.0.1:\(port)")
    try await app.runService()
}
