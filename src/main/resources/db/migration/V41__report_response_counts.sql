-- The framework report splits each measure's responses by survey, channel and agency over a period:
-- a covering index lets the database count them from the index alone, not by reading every response.
CREATE INDEX ix_response_counts ON response (submitted_at, survey_id, channel, agency);
