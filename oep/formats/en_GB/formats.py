"""British English, which Django looks up before English: the same formats as oep.formats.en."""

from oep.formats.en.formats import *  # noqa: F403
