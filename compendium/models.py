"""The OEP evidence compendium and research bulletins."""
