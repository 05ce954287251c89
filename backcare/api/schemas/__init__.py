"""JSON Schemas of the API, generated from the questionnaire, and the OpenAPI document."""
