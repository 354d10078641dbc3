"""The phrasebank: loading and merging banks, their schema, the data-only store and `bank check`."""
