"""Entity mentions: named ones from the model's spans and the gazetteer, untagged and repeated
names, and the mentions a clause's arguments stand for.

One module per job: ``spans`` repairs the model's name spans; the ``*_cues`` modules
(``person_cues``, ``body_cues``, ``state_cues``, ``town_cues``, ``thing_cues``,
``no_entity_cues``) and ``peoples`` hold the tests of what a span's words and neighbours say it
is; ``named`` types the repaired spans; ``untagged`` finds the names the model missed;
``arguments`` makes mentions of pronouns, descriptions and unnamed office holders and
institutions; ``acronyms`` reads an acronym defined in brackets after a name; ``nicknames`` a
person's name with a quoted nickname inside it; ``shared_names``
picks the organisation a name several share stands for; ``surnames`` gives back to a person the
surname the model took for a body's.
"""

from kg.extract.entities.acronyms import find_defined_acronyms
from kg.extract.entities.arguments import argument_mention, find_institutions
from kg.extract.entities.named import find_mentions
from kg.extract.entities.nicknames import find_nicknamed_people
from kg.extract.entities.shared_names import choose_organizations
from kg.extract.entities.surnames import surnames_of_named_people
from kg.extract.entities.untagged import find_repeated_names, find_untagged_names

__all__ = [
    "argument_mention",
    "choose_organizations",
    "find_defined_acronyms",
    "find_institutions",
    "find_mentions",
    "find_nicknamed_people",
    "find_repeated_names",
    "find_untagged_names",
    "surnames_of_named_people",
]
