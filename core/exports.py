"""Spreadsheet exports that are safe to open: text a spreadsheet would run as a formula (a
client pseudonym such as "=HYPERLINK(...)") is written as plain text. Every CSV writer of
recordings and reviews goes through `spreadsheet_safe`."""

# What Excel, LibreOffice and Google Sheets treat as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """The value, with a leading apostrophe if it is text a spreadsheet would read as a formula.
    Numbers are left alone: a negative number is a number, not a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_safe_rows(rows):
    return ([spreadsheet_safe(value) for value in row] for row in rows)


class SpreadsheetSafeExportMixin:
    """For Wagtail views with `list_export`: CSV cells go through `spreadsheet_safe` (Wagtail
    already writes XLSX formulas as text)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if export_format == self.FORMAT_CSV else value
