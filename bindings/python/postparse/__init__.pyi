from ._edit import EditList as EditList, Editor as Editor, dump as dump, dumps as dumps
from ._errors import EditError as EditError, Error as Error, InputTooLarge as InputTooLarge, ParseError as ParseError, ProfileError as ProfileError, XPathError as XPathError
from ._options import LIMITS as LIMITS, Options as Options, Profile as Profile, default_profile_text as default_profile_text, limit_default as limit_default
from ._post import Node as Node, Post as Post, load as load, loads as loads, parse as parse, parse_file as parse_file, parse_many as parse_many
from ._records import Comment as Comment, Diagnostic as Diagnostic, EditorialField as EditorialField, Image as Image, Inline as Inline, Link as Link, Paragraph as Paragraph, Span as Span

# Names in __all__ with no definition:
#   __version__
