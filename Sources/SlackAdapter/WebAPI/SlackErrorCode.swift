/// A Slack Web API `error` string (protocols.md §1.5), with the group it belongs to.
/// Codes are open-ended, so this is a struct: compare with the constants, never with text.
public struct SlackErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = String(rawValue.prefix(100)) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public var description: String { rawValue }

    /// What kind of failure a code is.
    public enum Category: Hashable, Sendable {
        /// The token or its scopes: nothing works until a person fixes the app. Alert.
        case auth
        /// The channel, message or user: permanent for this call.
        case target
        /// What we sent: a bug on our side.
        case payload
        /// A modal's trigger was used or expired.
        case modal
        /// Try again later, with backoff.
        case transient
        /// A code not listed here: treated as permanent.
        case unknown
    }

    public var category: Category {
        switch rawValue {
        case "not_authed", "invalid_auth", "account_inactive", "token_revoked", "token_expired", "no_permission", "missing_scope",
            "not_allowed_token_type", "ekm_access_denied", "access_denied", "team_access_not_granted":
            .auth
        case "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "users_not_found", "user_not_in_channel",
            "message_not_found", "cant_update_message", "edit_window_closed", "restricted_action", "cannot_dm_bot",
            "user_disabled", "not_found", "expired_url", "used_url":
            .target
        case "invalid_blocks", "invalid_blocks_format", "msg_too_long", "msg_blocks_too_long", "no_text", "invalid_arguments",
            "invalid_json", "json_not_object", "view_too_large", "duplicate_external_id", "invalid_url", "too_many_users",
            "not_enough_users", "hash_conflict":
            .payload
        case "expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id", "push_limit_reached":
            .modal
        case "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
            "team_added_to_org":
            .transient
        default:
            .unknown
        }
    }

    public static let invalidAuth: SlackErrorCode = "invalid_auth"
    public static let notAuthed: SlackErrorCode = "not_authed"
    public static let tokenRevoked: SlackErrorCode = "token_revoked"
    public static let missingScope: SlackErrorCode = "missing_scope"
    public static let channelNotFound: SlackErrorCode = "channel_not_found"
    public static let notInChannel: SlackErrorCode = "not_in_channel"
    public static let isArchived: SlackErrorCode = "is_archived"
    public static let messageNotFound: SlackErrorCode = "message_not_found"
    public static let userNotFound: SlackErrorCode = "user_not_found"
    public static let usersNotFound: SlackErrorCode = "users_not_found"
    public static let userNotInChannel: SlackErrorCode = "user_not_in_channel"
    public static let invalidBlocks: SlackErrorCode = "invalid_blocks"
    public static let msgTooLong: SlackErrorCode = "msg_too_long"
    public static let noText: SlackErrorCode = "no_text"
    public static let viewTooLarge: SlackErrorCode = "view_too_large"
    public static let expiredTriggerID: SlackErrorCode = "expired_trigger_id"
    public static let invalidArguments: SlackErrorCode = "invalid_arguments"
    public static let ratelimited: SlackErrorCode = "ratelimited"
    public static let internalError: SlackErrorCode = "internal_error"
    public static let fatalError: SlackErrorCode = "fatal_error"
    public static let serviceUnavailable: SlackErrorCode = "service_unavailable"
    /// Local: a response body that is not Slack's JSON envelope, with a 4xx status.
    public static let unexpectedResponse: SlackErrorCode = "unexpected_response"
}
