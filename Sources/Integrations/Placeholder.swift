// Okta, Jira and ServiceNow clients live here.
