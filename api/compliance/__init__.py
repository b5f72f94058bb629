"""Compliance review of everything the assistant says (DOMAIN.md §5).

`review.review_message` blocks forbidden claims (rules.yml) and appends mandatory
disclosures (disclosures.yml); `ruleset.RuleSetStore` reloads both files when they change;
`router` exposes review, version, reload and the audit log.
"""
