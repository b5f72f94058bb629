"""Custom actions: thin glue between the dialogue and the API's advisor services.

The action server loads every module of this package; one module per feature.
Actions never touch SQL and never decide business rules: they call api/ through
`actions.client` and route every product answer through the compliance review.
"""
