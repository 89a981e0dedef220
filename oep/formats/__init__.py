"""Date and time formats for the site and the Wagtail admin (FORMAT_MODULE_PATH)."""
