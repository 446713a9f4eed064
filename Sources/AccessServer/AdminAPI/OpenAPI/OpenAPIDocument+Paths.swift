extension OpenAPIDocument {
    static let paths = #"""
        paths:
          /api/v1/openapi.yaml:
            get:
              operationId: getOpenAPIDocument
              summary: This document (no token needed).
              security: []
              responses:
                "200":
                  description: The OpenAPI 3.1 document.
                  content:
                    application/yaml:
                      schema:
                        type: string
          /api/v1/requests:
            get:
              operationId: listRequests
              summary: Requests, newest first (by requested time, then id), one page at a time.
              description: |
                Pass `next_cursor` of a page as `cursor` to get the following page; it is null on
                the last page. Filters work as in the report; `from` and `to` bound the requested time.
              parameters:
                - $ref: "#/components/parameters/from"
                - $ref: "#/components/parameters/to"
                - $ref: "#/components/parameters/requester"
                - $ref: "#/components/parameters/approver"
                - $ref: "#/components/parameters/resource"
                - $ref: "#/components/parameters/requestType"
                - $ref: "#/components/parameters/status"
                - $ref: "#/components/parameters/decision"
                - $ref: "#/components/parameters/timeBounded"
                - name: limit
                  in: query
                  description: Requests per page, 1 to 500.
                  schema: { type: integer, minimum: 1, maximum: 500, default: 50 }
                - name: cursor
                  in: query
                  description: The `next_cursor` of the previous page (opaque).
                  schema: { type: string }
              responses:
                "200":
                  description: One page of requests.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/RequestList" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "503": { $ref: "#/components/responses/Unavailable" }
          /api/v1/requests/{id}:
            get:
              operationId: getRequest
              summary: One request.
              parameters:
                - $ref: "#/components/parameters/requestId"
              responses:
                "200":
                  description: The request.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Request" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
                "503": { $ref: "#/components/responses/Unavailable" }
          /api/v1/requests/{id}/audit:
            get:
              operationId: getAuditTrail
              summary: Every transition of one request, oldest first.
              parameters:
                - $ref: "#/components/parameters/requestId"
              responses:
                "200":
                  description: The audit trail.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/AuditTrail" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
                "503": { $ref: "#/components/responses/Unavailable" }
          /api/v1/requests/{id}/retry-grant:
            post:
              operationId: retryGrant
              summary: Try the grants of a failed request again.
              description: |
                The request goes back to `approved` (audited as done by `admin:api`) and its grants
                start again. A request that is not `failed` gets 409 with the reason.
              parameters:
                - $ref: "#/components/parameters/requestId"
              responses:
                "200":
                  description: The request as it is now (`approved`, grants under way).
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Request" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
                "409": { $ref: "#/components/responses/Conflict" }
                "503": { $ref: "#/components/responses/Unavailable" }
          /api/v1/resources:
            get:
              operationId: listResources
              summary: The configured resources.
              responses:
                "200":
                  description: Every resource, in config order.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/ResourceList" }
                "401": { $ref: "#/components/responses/Unauthorized" }
          /api/v1/teams:
            get:
              operationId: listTeams
              summary: The configured Access Requests teams.
              responses:
                "200":
                  description: Every team, in config order.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/TeamList" }
                "401": { $ref: "#/components/responses/Unauthorized" }
          /api/v1/configuration-lists:
            get:
              operationId: listConfigurationLists
              summary: The configured configuration lists.
              responses:
                "200":
                  description: Every list, in config order.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/ConfigurationLists" }
                "401": { $ref: "#/components/responses/Unauthorized" }
          /api/v1/request-types:
            get:
              operationId: listRequestTypes
              summary: The configured request types.
              responses:
                "200":
                  description: Every request type, in config order.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/RequestTypeList" }
                "401": { $ref: "#/components/responses/Unauthorized" }

        """#
}
