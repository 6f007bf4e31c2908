"""Builds the project's spaCy pipeline: blank Chinese with jieba word segmentation plus an entity ruler.

No pretrained model is downloaded (none can be, here): the pipeline is code, versioned with the
project, and rebuilt by `make` whenever this file or the patterns change.

    python -m bot.nlp.spacy_pipeline build/spacy-pipeline
"""
import sys
from pathlib import Path

import spacy
from spacy.language import Language

from bot.nlp.entity_patterns import all_patterns

PIPELINE_NAME = "medical_insurance_rules"
PIPELINE_VERSION = "1.0.0"
DEFAULT_PATH = Path("build/spacy-pipeline")


def build() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.meta["name"] = PIPELINE_NAME
    nlp.meta["version"] = PIPELINE_VERSION
    nlp.meta["description"] = "Chinese/English segmentation (jieba) and rule-based entities for the assistant."
    # LOWER makes the city phrase patterns case-insensitive ("shenzhen", "Shenzhen").
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(all_patterns())
    return nlp


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    build().to_disk(path)
    print(f"spaCy pipeline {PIPELINE_NAME} {PIPELINE_VERSION} written to {path}")


if __name__ == "__main__":
    main()
