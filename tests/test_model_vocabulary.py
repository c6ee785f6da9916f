"""learnmeet's vocabulary: each code name's Danish term and English meaning."""

from __future__ import annotations

import learnmeet as lm
from learnmeet.io._schema import document_types
from learnmeet.model._vocabulary import VOCABULARY


class TestVocabulary:
    """One table names the domain's classes in English and Danish."""

    def test_every_word_names_a_class_with_a_document(self) -> None:
        assert set(VOCABULARY) <= {cls.__name__ for cls in document_types()}

    def test_every_word_is_bilingual(self) -> None:
        assert all(isinstance(word, lm.Label) for word in VOCABULARY.values())

    def test_the_words_of_the_design(self) -> None:
        # The design brief's vocabulary: interdisciplinary counts professions
        # (faggruppe), cross-sectoral counts sectors (sektor).
        assert VOCABULARY["Profession"].da == "faggruppe"
        assert VOCABULARY["Sector"].da == "sektor"
        assert VOCABULARY["CitizenCase"].da == "borgerforløb"
        assert VOCABULARY["Cohort"].da == "hold"
