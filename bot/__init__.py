"""The assistant's own library: policy knowledge, input checks, database, Rasa glue (nlp/, channels/)."""
