package org.heard.search;

import jakarta.inject.Singleton;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.heard.survey.Question;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Turns one free-text answer into a Lucene document with the fields search filters and counts on. */
@Singleton
class AnswerDocuments {
    static final String KEY = "key";
    static final String RESPONSE = "response";
    static final String TEXT = "text";
    static final String SURVEY = "survey";
    static final String QUESTION = "question";
    static final String AUDIENCE = "audience";
    static final String CHANNEL = "channel";
    static final String AGENCY = "agency";
    static final String MEASURE = "measure";
    static final String AREA = "area";
    static final String MONTH = "month";
    static final String SUBMITTED = "submitted";

    static final FacetsConfig FACETS = new FacetsConfig();

    /**
     * Answer text, stored, with offsets in the postings so snippets are highlighted from the index
     * rather than by analysing each hit's text again.
     */
    private static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
        FACETS.setMultiValued(MEASURE, true);
        FACETS.setMultiValued(AREA, true);
        // Each dimension search counts has a doc values field of its own, holding one value per
        // answer: counting reads just that value, not every dimension's values of every hit.
        facetDimensions().forEach(dim -> FACETS.setIndexFieldName(dim, facetField(dim)));
    }

    /** The doc values field a counted dimension is kept in. */
    static String facetField(String dim) {
        return "$facet_" + dim;
    }

    private final SurveyCatalog catalog;

    AnswerDocuments(SurveyCatalog catalog) {
        this.catalog = catalog;
    }

    /** One answer as stored: enough to build its document. */
    record Answer(long responseId, String surveyId, String questionId, String channel, String agency, Instant submittedAt, String text) {
    }

    static String key(long responseId, String questionId) {
        return responseId + "/" + questionId;
    }

    /** The document, or empty when the survey or question no longer exists. */
    Optional<Document> build(Answer a) {
        Optional<Survey> survey = catalog.find(a.surveyId());
        Optional<Question> question = survey.flatMap(s -> s.question(a.questionId()));
        var doc = new Document();
        doc.add(new StringField(KEY, key(a.responseId(), a.questionId()), Field.Store.NO));
        doc.add(new StringField(RESPONSE, String.valueOf(a.responseId()), Field.Store.YES));
        doc.add(new Field(TEXT, a.text(), TEXT_TYPE));
        facet(doc, SURVEY, a.surveyId());
        facet(doc, QUESTION, a.questionId());
        facet(doc, AUDIENCE, survey.map(s -> s.audience().id()).orElse("unknown"));
        facet(doc, CHANNEL, a.channel());
        facet(doc, AGENCY, a.agency() == null ? "none" : a.agency());
        var areas = new LinkedHashSet<String>();
        for (String m : question.map(Question::measures).orElse(List.of())) {
            facet(doc, MEASURE, m);
            int slash = m.lastIndexOf('/');
            if (slash > 0) {
                areas.add(m.substring(0, slash));
            }
        }
        areas.forEach(area -> facet(doc, AREA, area));
        String month = a.submittedAt().atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
        facet(doc, MONTH, month);
        long millis = a.submittedAt().toEpochMilli();
        doc.add(new LongPoint(SUBMITTED, millis));
        doc.add(new NumericDocValuesField(SUBMITTED, millis));
        doc.add(new StoredField(SUBMITTED, millis));
        try {
            return Optional.of(FACETS.build(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void facet(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(field, value));
    }

    static List<String> facetDimensions() {
        return new ArrayList<>(List.of(AUDIENCE, SURVEY, AGENCY, MONTH));
    }
}
