"""Language processing: the project's spaCy pipeline (built from spacy.blank + rules) and Rasa components."""
