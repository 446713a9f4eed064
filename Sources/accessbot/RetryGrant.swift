import AccessCore
import AccessServer
import ArgumentParser
import Foundation
import Logging

/// `accessbot retry-grant REQUEST_ID`: try the grants of a `failed` request again.
struct RetryGrant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry-grant",
        abstract: "Try the grants of a failed request again (a running server carries them out).")

    @Argument(help: "The request id, e.g. R-7KX2P9QM.")
    var requestID: String

    func run() async throws {
        guard let id = RequestID(typed: requestID) else { Startup.fail("\(requestID) is not a request id (R-XXXXXXXX)") }
        let settings = Startup.settings()
        var catalog = Startup.catalog(settings: settings)
        // The same catalog the server runs with: without Okta every grant is made by hand.
        if settings.okta == nil { catalog = catalog.grantingByHand() }
        let configuration = ServerConfiguration(databaseURL: Startup.databaseURL(settings), catalog: catalog)
        var logger = Logger(label: "accessbot.retry-grant")
        logger.logLevel = .warning
        do {
            let request = try await retryFailedGrant(id, configuration: configuration, by: .admin("cli"), logger: logger)
            let resources = request.resources.map(\.rawValue).joined(separator: ", ")
            print("accessbot: \(request.id) is \(request.status.rawValue) again; the running server grants \(resources) now")
        } catch let error as WorkflowError {
            Startup.fail(error.description, code: 1)
        } catch let error as AccessServiceError {
            Startup.fail(error.description, code: 1)
        } catch {
            Startup.fail("could not retry the grant: \(error)", code: 1)
        }
    }
}
