import AccessCore

extension AccessCore.Notification {
    /// True for a notice to the requester of a request made on another chat platform: the
    /// requester hears back where they asked. Approvers, teams and channels get every platform,
    /// and so does a requester whose request came through the API or the CLI.
    func isForRequester(of request: AccessRequest, elsewhereThan platform: Origin.Platform) -> Bool {
        guard case .user(let person) = audience, person == request.requester else { return false }
        switch request.origin.platform {
        case .slack, .teams: return request.origin.platform != platform
        case .api, .cli: return false
        }
    }
}
