"""What every No Wrong Door process shares: its settings (nwd.settings)."""
