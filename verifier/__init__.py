"""verifier: extract quotes, dates and factual claims from news text, match them against
reference sources, review them and export the result for audit."""

__version__ = "0.1.0"
