import Foundation
import HTTPTransport

extension OktaClient {
    /// `PUT /api/v1/groups/{groupId}/users/{userId}` → 204. Adding a member again answers 204 too.
    public func addUser(_ userID: String, toGroup groupID: String) async throws(OktaError) -> OktaReceipt {
        receipt(try await send(.put, membershipPath(groupID, userID)))
    }

    /// `DELETE /api/v1/groups/{groupId}/users/{userId}` → 204.
    public func removeUser(_ userID: String, fromGroup groupID: String) async throws(OktaError) -> OktaReceipt {
        receipt(try await send(.delete, membershipPath(groupID, userID)))
    }

    /// `POST /api/v1/apps/{appId}/users` with `{"id":userId,"scope":"USER"}` → 200. An
    /// "already assigned" answer (`409 E0000062`) is success.
    public func assignUser(_ userID: String, toApp appID: String) async throws(OktaError) -> OktaReceipt {
        let body = Array(#"{"id":"\#(Self.jsonEscaped(userID))","scope":"USER"}"#.utf8)
        do {
            return receipt(try await send(.post, "/api/v1/apps/\(OktaPath.segment(appID))/users", json: body))
        } catch .api(let error) where error.status == 409 && error.code == .alreadyAssigned {
            return OktaReceipt(status: 409, requestID: error.requestID)
        }
    }

    /// `DELETE /api/v1/apps/{appId}/users/{userId}` → 204.
    public func unassignUser(_ userID: String, fromApp appID: String) async throws(OktaError) -> OktaReceipt {
        receipt(try await send(.delete, "/api/v1/apps/\(OktaPath.segment(appID))/users/\(OktaPath.segment(userID))"))
    }

    private func membershipPath(_ groupID: String, _ userID: String) -> String {
        "/api/v1/groups/\(OktaPath.segment(groupID))/users/\(OktaPath.segment(userID))"
    }

    private func receipt(_ response: OktaResponse) -> OktaReceipt {
        OktaReceipt(status: response.status, requestID: response.requestID)
    }

    /// User ids are `00u…` but come from a response: escape anyway, so no value breaks the body.
    static func jsonEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
