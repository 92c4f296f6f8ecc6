"""The Advisory Board: members and their terms, meetings, minutes, motions and decisions,
written procedures and the register of recommendations."""
