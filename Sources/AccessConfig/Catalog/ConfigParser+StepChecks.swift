import AccessCore

/// Whether each approval step can ever be satisfied.
extension ConfigParser {
    mutating func checkStep(_ step: StepDraft, index: Int, of type: RequestTypeDraft, people: Set<UserID>) {
        let name = "approval step \(index) of request type '\(type.id.value)'"
        let count = step.count?.value ?? 1
        switch step.approver {
        case .team?:
            guard let ref = step.team else { return }
            guard let team = draft.teams.first(where: { $0.id.value == ref.value }) else {
                checkDefined(ref, kind: "team", plural: "teams", from: name, known: draft.teams.map(\.id.value))
                return
            }
            let members = Set(team.members.map(\.value)).count
            if members > 0, count > members {
                error(
                    "\(name) needs \(count) approvals, but team '\(team.id.value)' has only \(members) member\(members == 1 ? "" : "s")",
                    at: step.count?.place ?? step.place, hint: "lower count to at most \(members), or add members")
            }
        case .user?:
            if let user = step.user { checkKnown(user, as: "approver of \(name)", among: people) }
        case .manager?:
            if draft.users.isEmpty, !oktaConfigured {
                warning(
                    "\(name) asks the requester's manager, but no users are listed", at: step.place,
                    hint: "list users with their managers, or set OKTA_ORG_URL and OKTA_API_TOKEN so managers come from Okta")
            }
        case .resourceOwner?:
            for ref in type.resources {
                guard let resource = draft.resources.first(where: { $0.id.value == ref.value }) else { continue }
                let owners = Set(resource.owners.map(\.value)).count
                if owners == 0 {
                    error(
                        "\(name) asks the resource owners, but resource '\(resource.id.value)' has no owners", at: step.place,
                        hint: "add owners: [<email>, ...] to resource '\(resource.id.value)'")
                } else if count > owners {
                    error(
                        "\(name) needs \(count) approvals, but resource '\(resource.id.value)' has only \(owners) owner\(owners == 1 ? "" : "s")",
                        at: step.count?.place ?? step.place, hint: "lower count to at most \(owners), or add owners")
                }
            }
        case nil:
            break
        }
    }
}
