import AccessCore
import AccessServer
import AccessTesting
import Foundation
import HTTPTransport
import Testing

@testable import AccessStore

/// The admin token of the admin API and report tests.
let adminToken = "test-admin-token-0123456789"

/// The databases the admin API and report tests run on: SQLite always, PostgreSQL when
/// `ACCESSBOT_TEST_POSTGRES_URL` is set (each test in a schema of its own, dropped afterwards).
enum AdminBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var available: [AdminBackend] { testPostgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A server with the admin API on a fresh database of this kind, seeded with `ReportSeed`.
    func withSeededServer(_ body: @Sendable (TestServer) async throws -> Void) async throws {
        let url: String
        switch self {
        case .sqlite:
            url = temporarySQLiteURL()
        case .postgres:
            let base = try #require(testPostgresURL)
            let schema = "admin_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
            url = base + (base.contains("?") ? "&" : "?") + "search_path=\(schema)&pool_size=4"
        }
        let configuration = ServerConfiguration(databaseURL: url, catalog: SampleCatalog.catalog, adminAPIToken: adminToken)
        do {
            try await TestServer.withServer(configuration) { server in
                try await ReportSeed.seed(try await server.waitUntilReady().store)
                try await body(server)
            }
        } catch {
            await dropSchema(url)
            throw error
        }
        await dropSchema(url)
    }

    private func dropSchema(_ url: String) async {
        guard self == .postgres, let store = try? await SQLStore.open(url: url, logger: .init(label: "cleanup")) else { return }
        try? await store.dropSchema()
        try? await store.close()
    }
}

extension TestServer {
    /// A GET with the admin token.
    func adminGet(_ path: String) async throws -> HTTPTransport.HTTPResponse {
        try await get(path, headers: ["Authorization": "Bearer \(adminToken)"])
    }

    /// A POST with the admin token and no body.
    func adminPost(_ path: String) async throws -> HTTPTransport.HTTPResponse {
        try await post(path, body: [], headers: ["Authorization": "Bearer \(adminToken)"])
    }
}

extension HTTPTransport.HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (an empty one when it is not).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// The `{"error": ...}` sentence.
    var errorMessage: String? { json["error"] as? String }

    /// JSON lines, each parsed.
    var jsonLines: [[String: Any]] {
        text.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        }
    }
}

/// Eight requests with known times, made by the real workflow and committed through the
/// store's own write path, one transition at a time. Effects are left out, so no background
/// service touches them while a test reads. Times are 2026-01-01 UTC plus the offsets shown.
enum ReportSeed {
    /// github-admin by alice (4h), bob then carol approve, granted: fulfilled. Comma and quotes.
    static let fulfilled: RequestID = "R-SEED0001"
    /// aws-prod by alice (permanent), erin and dave approve, granted. A newline.
    static let permanent: RequestID = "R-SEED0002"
    /// github-admin by carol, bob denies.
    static let denied: RequestID = "R-SEED0003"
    /// prod-db by alice (2h), erin approves, dave grants, erin revokes. Starts with `=`.
    static let revoked: RequestID = "R-SEED0004"
    /// github-admin by dave, he cancels. A carriage return.
    static let cancelled: RequestID = "R-SEED0005"
    /// github-admin by alice, bob approved step 1: still pending.
    static let pending: RequestID = "R-SEED0006"
    /// github-admin by alice, expires undecided after 3 days.
    static let timedOut: RequestID = "R-SEED0007"
    /// aws-prod by alice, erin and dave approve, the grant fails.
    static let failed: RequestID = "R-SEED0008"

    /// Oldest first.
    static let all = [fulfilled, permanent, denied, revoked, cancelled, pending, timedOut, failed]

    static func time(_ seconds: Double) -> Date { SampleCatalog.epoch.addingTimeInterval(seconds) }

    static func seed(_ store: SQLStore) async throws {
        let users = SampleCatalog.self
        let h: Double = 3600
        try await life(
            store, fulfilled, "github-admin", by: users.alice, #"incident 4411, see "runbook""#, at: 0,
            [
                (.approve(by: users.bob), 600), (.approve(by: users.carol), 1200), (.grantCompleted("github-admins", by: .system), 1260),
            ])
        try await life(
            store, permanent, "aws-prod", by: users.alice, "line one\nline two", at: h,
            [
                (.approve(by: users.erin), h + 300), (.approve(by: users.dave), h + 600),
                (.grantCompleted("aws-prod", by: .system), h + 660),
            ])
        try await life(
            store, denied, "github-admin", by: users.carol, "plain", at: 2 * h, [(.deny(by: users.bob, reason: "not now"), 2 * h + 1800)])
        try await life(
            store, revoked, "prod-db", by: users.alice, "=1+2", at: 3 * h,
            [
                (.approve(by: users.erin), 3 * h + 900), (.grantCompleted("prod-db", by: .user(users.dave)), 3 * h + 1200),
                (.revoke(by: .user(users.erin), reason: "done"), 3 * h + 2400),
            ])
        try await life(
            store, cancelled, "github-admin", by: users.dave, "carriage\rreturn", at: 4 * h,
            [
                (.cancel(by: .user(users.dave), reason: "no longer needed"), 4 * h + 300)
            ])
        try await life(store, pending, "github-admin", by: users.alice, "pending one", at: 5 * h, [(.approve(by: users.bob), 5 * h + 600)])
        try await life(
            store, timedOut, "github-admin", by: users.alice, "too slow", at: 6 * h, [(.timerFired(.expire), 6 * h + 3 * 86_400)])
        try await life(
            store, failed, "aws-prod", by: users.alice, "needs a retry", at: 7 * h,
            [
                (.approve(by: users.erin), 7 * h + 300), (.approve(by: users.dave), 7 * h + 600),
                (.grantFailed("aws-prod", reason: "Okta said no"), 7 * h + 660),
            ])
    }

    /// Submits one request and runs `steps`, committing each outcome without its effects.
    private static func life(
        _ store: SQLStore, _ id: RequestID, _ type: RequestTypeID, by requester: UserID, _ justification: String, at start: Double,
        _ steps: [(Command, Double)]
    ) async throws {
        let workflow = Workflow(catalog: SampleCatalog.catalog)
        let resource = try #require(SampleCatalog.catalog.requestType(type)?.resources.first)
        var answers = [Answer(question: "reason", value: justification.isEmpty ? "x" : justification)]
        if type == "github-admin" { answers.append(Answer(question: "duration", value: "4h")) }
        let person = try #require(SampleCatalog.catalog.user(requester))
        let submission = Submission(
            id: id, requester: person, requestType: type, resources: [resource], answers: answers, justification: justification,
            origin: Origin(platform: .api))
        var outcome = try workflow.submit(submission, now: time(start))
        try await store.create(Outcome(request: outcome.request, effects: [], audit: outcome.audit, expectedVersion: nil))
        for (command, at) in steps {
            outcome = try workflow.handle(command, on: outcome.request, now: time(at))
            try await store.commit(
                Outcome(request: outcome.request, effects: [], audit: outcome.audit, expectedVersion: outcome.expectedVersion))
        }
    }
}
