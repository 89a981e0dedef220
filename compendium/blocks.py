"""StreamField blocks for compendium entries and bulletins."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuotationBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "compendium/blocks/quotation.html"


def _list_block(icon, template):
    return blocks.ListBlock(blocks.TextBlock(), icon=icon, template=template)


class ImplicationsContentBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    bullet_list = _list_block("list-ul", "compendium/blocks/bullet_list.html")
    numbered_list = _list_block("list-ol", "compendium/blocks/numbered_list.html")


class ImplicationsBlock(blocks.StructBlock):
    """An entry's "implications for practice": the part practitioners act on, set apart."""

    heading = blocks.CharBlock(default="Implications for practice")
    content = ImplicationsContentBlock()

    class Meta:
        icon = "tick-inverse"
        template = "compendium/blocks/implications.html"


class EvidenceBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(icon="title", template="compendium/blocks/heading.html")
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    bullet_list = _list_block("list-ul", "compendium/blocks/bullet_list.html")
    numbered_list = _list_block("list-ol", "compendium/blocks/numbered_list.html")
    quotation = QuotationBlock()
    implications = ImplicationsBlock()
    # Tables of the source documents (a bulletin's tab-separated tables), drawn as GOV.UK tables.
    table = TableBlock(template="compendium/blocks/table.html")


class ReferenceListBlock(blocks.StreamBlock):
    reference = blocks.TextBlock(icon="doc-full", template="compendium/blocks/reference.html")
