extension OpenAPIDocument {
    static let catalogSchemas = #"""
            ResourceList:
              type: object
              required: [resources]
              properties:
                resources:
                  type: array
                  items: { $ref: "#/components/schemas/Resource" }
            Resource:
              type: object
              required: [id, name, grant, owners, max_duration_seconds]
              properties:
                id: { type: string }
                name: { type: string }
                grant:
                  type: object
                  required: [kind, okta_id]
                  properties:
                    kind: { type: string, enum: [okta_group, okta_app, manual] }
                    okta_id: { type: [string, "null"] }
                owners: { type: array, items: { type: string } }
                max_duration_seconds: { type: [integer, "null"] }
            TeamList:
              type: object
              required: [teams]
              properties:
                teams:
                  type: array
                  items: { $ref: "#/components/schemas/Team" }
            Team:
              type: object
              required: [id, name, members, channel]
              properties:
                id: { type: string }
                name: { type: string }
                members: { type: array, items: { type: string } }
                channel:
                  type: [object, "null"]
                  required: [slack, teams]
                  properties:
                    slack: { type: [string, "null"], description: A Slack channel id. }
                    teams: { type: [string, "null"], description: A Teams conversation id. }
            ConfigurationLists:
              type: object
              required: [configuration_lists]
              properties:
                configuration_lists:
                  type: array
                  items:
                    type: object
                    required: [id, options]
                    properties:
                      id: { type: string }
                      options: { type: array, items: { type: string } }
            RequestTypeList:
              type: object
              required: [request_types]
              properties:
                request_types:
                  type: array
                  items: { $ref: "#/components/schemas/RequestType" }
            RequestType:
              type: object
              required: [id, name, team, resources, questions, approvals, escalation, access_duration]
              properties:
                id: { type: string }
                name: { type: string }
                team: { type: string }
                resources: { type: array, items: { type: string } }
                questions:
                  type: array
                  items:
                    type: object
                    required: [id, text, required, kind, list]
                    properties:
                      id: { type: string }
                      text: { type: string }
                      required: { type: boolean }
                      kind: { type: string, enum: [text, choice, duration] }
                      list: { type: [string, "null"], description: The configuration list offering the options. }
                approvals:
                  type: array
                  items:
                    type: object
                    required: [approver, count]
                    properties:
                      approver: { $ref: "#/components/schemas/Approver" }
                      count: { type: integer, description: Distinct approvals this step needs. }
                escalation:
                  type: object
                  required: [remind_after_seconds, escalate_after_seconds, expire_after_seconds]
                  properties:
                    remind_after_seconds: { type: [integer, "null"] }
                    escalate_after_seconds: { type: [integer, "null"] }
                    expire_after_seconds: { type: [integer, "null"] }
                access_duration:
                  type: object
                  required: [kind, seconds, question]
                  properties:
                    kind: { type: string, enum: [permanent, fixed, from_question] }
                    seconds: { type: [integer, "null"] }
                    question: { type: [string, "null"] }

        """#
}
