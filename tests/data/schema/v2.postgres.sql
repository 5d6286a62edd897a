--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: __SCHEMA__; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA __SCHEMA__;


--
-- Name: verifier_audit_append_only(); Type: FUNCTION; Schema: __SCHEMA__; Owner: -
--

CREATE FUNCTION __SCHEMA__.verifier_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'auditevent is append-only'; END; $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: auditevent; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.auditevent (
    seq integer NOT NULL,
    ts timestamp with time zone NOT NULL,
    actor character varying NOT NULL,
    action character varying NOT NULL,
    document_id integer,
    claim_id integer,
    old jsonb,
    new jsonb,
    app_version character varying NOT NULL,
    prev_hash character varying(64) NOT NULL,
    hash character varying(64) NOT NULL
);


--
-- Name: auditevent_seq_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.auditevent_seq_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: auditevent_seq_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.auditevent_seq_seq OWNED BY __SCHEMA__.auditevent.seq;


--
-- Name: claim; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.claim (
    id integer NOT NULL,
    document_id integer NOT NULL,
    kind character varying NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    speaker character varying,
    reference character varying,
    value jsonb,
    attrs jsonb,
    finding character varying,
    explanation character varying,
    status character varying NOT NULL,
    verdict character varying,
    note character varying,
    reviewed_by character varying,
    reviewed_at timestamp with time zone,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying
);


--
-- Name: claim_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.claim_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: claim_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.claim_id_seq OWNED BY __SCHEMA__.claim.id;


--
-- Name: document; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.document (
    id integer NOT NULL,
    kind character varying NOT NULL,
    sha256 character varying(64) NOT NULL,
    title character varying,
    url character varying,
    site character varying,
    author character varying,
    language character varying(8) NOT NULL,
    published date,
    format character varying(16) NOT NULL,
    source_name character varying,
    encoding character varying,
    text text NOT NULL,
    boilerplate jsonb,
    meta jsonb,
    created_at timestamp with time zone NOT NULL,
    created_by character varying
);


--
-- Name: document_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.document_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: document_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.document_id_seq OWNED BY __SCHEMA__.document.id;


--
-- Name: evidence; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.evidence (
    id integer NOT NULL,
    claim_id integer NOT NULL,
    kind character varying NOT NULL,
    passage_id integer,
    fact_id integer,
    precedent_claim_id integer,
    source_title character varying,
    source_url character varying,
    source_sha256 character varying,
    start integer,
    "end" integer,
    score double precision,
    method character varying,
    detail jsonb,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: evidence_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.evidence_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: evidence_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.evidence_id_seq OWNED BY __SCHEMA__.evidence.id;


--
-- Name: fact; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.fact (
    id integer NOT NULL,
    pack character varying NOT NULL,
    subject character varying NOT NULL,
    predicate character varying NOT NULL,
    object character varying NOT NULL,
    valid_from date,
    valid_to date,
    source_title character varying,
    source_url character varying,
    aliases jsonb,
    extra jsonb,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: fact_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.fact_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: fact_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.fact_id_seq OWNED BY __SCHEMA__.fact.id;


--
-- Name: passage; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.passage (
    id integer NOT NULL,
    document_id integer NOT NULL,
    seq integer NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    speaker character varying
);


--
-- Name: passage_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.passage_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: passage_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.passage_id_seq OWNED BY __SCHEMA__.passage.id;


--
-- Name: precedent; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.precedent (
    id integer NOT NULL,
    collection character varying NOT NULL,
    external_id character varying NOT NULL,
    claim text NOT NULL,
    title text,
    verdict character varying,
    url character varying,
    reviewed_on date,
    language character varying,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: precedent_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.precedent_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: precedent_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.precedent_id_seq OWNED BY __SCHEMA__.precedent.id;


--
-- Name: review; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.review (
    id integer NOT NULL,
    claim_id integer NOT NULL,
    reviewer character varying NOT NULL,
    verdict character varying NOT NULL,
    note character varying,
    claim_version integer NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: review_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.review_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: review_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.review_id_seq OWNED BY __SCHEMA__.review.id;


--
-- Name: schema_version; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.schema_version (
    version integer NOT NULL,
    applied_at timestamp with time zone NOT NULL
);


--
-- Name: schema_version_version_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.schema_version_version_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: schema_version_version_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.schema_version_version_seq OWNED BY __SCHEMA__.schema_version.version;


--
-- Name: user; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__."user" (
    id integer NOT NULL,
    name character varying NOT NULL,
    role character varying NOT NULL,
    email character varying,
    password_hash character varying,
    active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: user_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.user_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: user_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.user_id_seq OWNED BY __SCHEMA__."user".id;


--
-- Name: auditevent seq; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.auditevent ALTER COLUMN seq SET DEFAULT nextval('__SCHEMA__.auditevent_seq_seq'::regclass);


--
-- Name: claim id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.claim ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.claim_id_seq'::regclass);


--
-- Name: document id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.document ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.document_id_seq'::regclass);


--
-- Name: evidence id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.evidence ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.evidence_id_seq'::regclass);


--
-- Name: fact id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.fact ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.fact_id_seq'::regclass);


--
-- Name: passage id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.passage ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.passage_id_seq'::regclass);


--
-- Name: precedent id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.precedent ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.precedent_id_seq'::regclass);


--
-- Name: review id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.review ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.review_id_seq'::regclass);


--
-- Name: schema_version version; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.schema_version ALTER COLUMN version SET DEFAULT nextval('__SCHEMA__.schema_version_version_seq'::regclass);


--
-- Name: user id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__."user" ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.user_id_seq'::regclass);


--
-- Data for Name: auditevent; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.auditevent VALUES (1, '2026-12-01 04:58:41.08184+00', 'alice', 'ingest', 1, NULL, 'null', '{"title": "v2 fixture"}', '0.1.0', '0000000000000000000000000000000000000000000000000000000000000000', '75c9de27aab0e6ac30acbbdde316cf4fe749916f001d031493a9ec8eef2f96f2');
INSERT INTO __SCHEMA__.auditevent VALUES (2, '2026-12-01 04:58:41.08452+00', 'alice', 'verdict', 1, 1, 'null', '{"verdict": "True"}', '0.1.0', '75c9de27aab0e6ac30acbbdde316cf4fe749916f001d031493a9ec8eef2f96f2', '1bb23104d96d6dc0e29938d366a255eec5ff7a02a7b8a49794ec60f460b91f26');


--
-- Data for Name: claim; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.claim VALUES (1, 1, 'quote', 18, 29, '« bonjour »', 'Le ministre', NULL, 'null', '{"quote_type": "marked"}', 'consistent', 'The quote is in the source word for word.', 'reviewed', 'True', NULL, 'alice', '2026-11-30 12:00:00+00', 1, '2026-11-30 12:00:00+00', '2026-11-30 12:00:00+00', 'alice');
INSERT INTO __SCHEMA__.claim VALUES (2, 1, 'temporal', 30, 34, 'hier', NULL, NULL, '{"value": "2025-10-15", "timex_type": "DATE"}', '{}', 'no_evidence', 'Nothing on record.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-11-30 12:00:00+00', '2026-11-30 12:00:00+00', 'alice');


--
-- Data for Name: document; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.document VALUES (1, 'article', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'v2 fixture', NULL, NULL, NULL, 'fr', '2025-10-16', 'txt', 'v2.txt', NULL, 'Le ministre a dit « bonjour » hier.', '[]', '{"dateline": null}', '2026-11-30 12:00:00+00', 'alice');


--
-- Data for Name: evidence; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.evidence VALUES (1, 1, 'passage', NULL, NULL, NULL, 'source', NULL, NULL, 0, 7, 100, 'align:rapidfuzz+words', '{"diff": [], "class": "verbatim"}', '2026-11-30 12:00:00+00');


--
-- Data for Name: fact; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.fact VALUES (1, 'p', 'X', 'event', '', '2016-03-15', NULL, NULL, NULL, '{"fr": ["x"]}', 'null', '2026-11-30 12:00:00+00');


--
-- Data for Name: passage; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--



--
-- Data for Name: precedent; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.precedent VALUES (1, 'c', '1', 'Le ministre a dit bonjour', NULL, 'True', 'https://example.org/1', NULL, NULL, '2026-11-30 12:00:00+00');


--
-- Data for Name: review; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.review VALUES (1, 1, 'alice', 'True', 'ok', 1, '2026-11-30 12:00:00+00');


--
-- Data for Name: schema_version; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.schema_version VALUES (2, '2026-12-01 04:58:41.060047+00');


--
-- Data for Name: user; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__."user" VALUES (1, 'alice', 'fact-checker', NULL, NULL, true, '2026-11-30 12:00:00+00');


--
-- Name: auditevent_seq_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.auditevent_seq_seq', 1, false);


--
-- Name: claim_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.claim_id_seq', 2, true);


--
-- Name: document_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.document_id_seq', 1, true);


--
-- Name: evidence_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.evidence_id_seq', 1, true);


--
-- Name: fact_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.fact_id_seq', 1, true);


--
-- Name: passage_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.passage_id_seq', 1, false);


--
-- Name: precedent_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.precedent_id_seq', 1, true);


--
-- Name: review_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.review_id_seq', 1, true);


--
-- Name: schema_version_version_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.schema_version_version_seq', 1, false);


--
-- Name: user_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.user_id_seq', 1, true);


--
-- Name: auditevent auditevent_hash_key; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.auditevent
    ADD CONSTRAINT auditevent_hash_key UNIQUE (hash);


--
-- Name: auditevent auditevent_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.auditevent
    ADD CONSTRAINT auditevent_pkey PRIMARY KEY (seq);


--
-- Name: claim claim_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.claim
    ADD CONSTRAINT claim_pkey PRIMARY KEY (id);


--
-- Name: document document_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.document
    ADD CONSTRAINT document_pkey PRIMARY KEY (id);


--
-- Name: evidence evidence_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.evidence
    ADD CONSTRAINT evidence_pkey PRIMARY KEY (id);


--
-- Name: fact fact_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.fact
    ADD CONSTRAINT fact_pkey PRIMARY KEY (id);


--
-- Name: passage passage_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.passage
    ADD CONSTRAINT passage_pkey PRIMARY KEY (id);


--
-- Name: precedent precedent_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.precedent
    ADD CONSTRAINT precedent_pkey PRIMARY KEY (id);


--
-- Name: review review_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.review
    ADD CONSTRAINT review_pkey PRIMARY KEY (id);


--
-- Name: schema_version schema_version_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.schema_version
    ADD CONSTRAINT schema_version_pkey PRIMARY KEY (version);


--
-- Name: user user_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__."user"
    ADD CONSTRAINT user_pkey PRIMARY KEY (id);


--
-- Name: ix_auditevent_action; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_auditevent_action ON __SCHEMA__.auditevent USING btree (action);


--
-- Name: ix_auditevent_claim_id; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_auditevent_claim_id ON __SCHEMA__.auditevent USING btree (claim_id);


--
-- Name: ix_auditevent_document_id; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_auditevent_document_id ON __SCHEMA__.auditevent USING btree (document_id);


--
-- Name: ix_claim_document_id; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_claim_document_id ON __SCHEMA__.claim USING btree (document_id);


--
-- Name: ix_claim_document_span; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_claim_document_span ON __SCHEMA__.claim USING btree (document_id, start, "end");


--
-- Name: ix_claim_finding; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_claim_finding ON __SCHEMA__.claim USING btree (finding);


--
-- Name: ix_claim_fts; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_claim_fts ON __SCHEMA__.claim USING gin (to_tsvector('simple'::regconfig, COALESCE(text, ''::text)));


--
-- Name: ix_claim_kind; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_claim_kind ON __SCHEMA__.claim USING btree (kind);


--
-- Name: ix_claim_status; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_claim_status ON __SCHEMA__.claim USING btree (status);


--
-- Name: ix_claim_verdict; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_claim_verdict ON __SCHEMA__.claim USING btree (verdict);


--
-- Name: ix_document_kind; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_document_kind ON __SCHEMA__.document USING btree (kind);


--
-- Name: ix_document_published; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_document_published ON __SCHEMA__.document USING btree (published);


--
-- Name: ix_document_sha256; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE UNIQUE INDEX ix_document_sha256 ON __SCHEMA__.document USING btree (sha256);


--
-- Name: ix_evidence_claim_id; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_evidence_claim_id ON __SCHEMA__.evidence USING btree (claim_id);


--
-- Name: ix_fact_pack; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_fact_pack ON __SCHEMA__.fact USING btree (pack);


--
-- Name: ix_fact_predicate; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_fact_predicate ON __SCHEMA__.fact USING btree (predicate);


--
-- Name: ix_fact_subject; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_fact_subject ON __SCHEMA__.fact USING btree (subject);


--
-- Name: ix_passage_document_id; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_passage_document_id ON __SCHEMA__.passage USING btree (document_id);


--
-- Name: ix_passage_fts; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_passage_fts ON __SCHEMA__.passage USING gin (to_tsvector('simple'::regconfig, COALESCE(text, ''::text)));


--
-- Name: ix_precedent_collection; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_precedent_collection ON __SCHEMA__.precedent USING btree (collection);


--
-- Name: ix_precedent_fts; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_precedent_fts ON __SCHEMA__.precedent USING gin (to_tsvector('simple'::regconfig, ((COALESCE(claim, ''::text) || ' '::text) || COALESCE(title, ''::text))));


--
-- Name: ix_review_claim_id; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_review_claim_id ON __SCHEMA__.review USING btree (claim_id);


--
-- Name: ix_review_reviewer; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_review_reviewer ON __SCHEMA__.review USING btree (reviewer);


--
-- Name: ix_user_email; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_user_email ON __SCHEMA__."user" USING btree (email);


--
-- Name: ix_user_name; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE UNIQUE INDEX ix_user_name ON __SCHEMA__."user" USING btree (name);


--
-- Name: ux_precedent_collection_external; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE UNIQUE INDEX ux_precedent_collection_external ON __SCHEMA__.precedent USING btree (collection, external_id);


--
-- Name: auditevent auditevent_no_change; Type: TRIGGER; Schema: __SCHEMA__; Owner: -
--

CREATE TRIGGER auditevent_no_change BEFORE DELETE OR UPDATE ON __SCHEMA__.auditevent FOR EACH ROW EXECUTE FUNCTION __SCHEMA__.verifier_audit_append_only();


--
-- Name: auditevent auditevent_no_truncate; Type: TRIGGER; Schema: __SCHEMA__; Owner: -
--

CREATE TRIGGER auditevent_no_truncate BEFORE TRUNCATE ON __SCHEMA__.auditevent FOR EACH STATEMENT EXECUTE FUNCTION __SCHEMA__.verifier_audit_append_only();


--
-- Name: claim claim_document_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.claim
    ADD CONSTRAINT claim_document_id_fkey FOREIGN KEY (document_id) REFERENCES __SCHEMA__.document(id) ON DELETE CASCADE;


--
-- Name: evidence evidence_claim_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.evidence
    ADD CONSTRAINT evidence_claim_id_fkey FOREIGN KEY (claim_id) REFERENCES __SCHEMA__.claim(id) ON DELETE CASCADE;


--
-- Name: evidence evidence_fact_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.evidence
    ADD CONSTRAINT evidence_fact_id_fkey FOREIGN KEY (fact_id) REFERENCES __SCHEMA__.fact(id);


--
-- Name: evidence evidence_passage_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.evidence
    ADD CONSTRAINT evidence_passage_id_fkey FOREIGN KEY (passage_id) REFERENCES __SCHEMA__.passage(id);


--
-- Name: evidence evidence_precedent_claim_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.evidence
    ADD CONSTRAINT evidence_precedent_claim_id_fkey FOREIGN KEY (precedent_claim_id) REFERENCES __SCHEMA__.claim(id);


--
-- Name: passage passage_document_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.passage
    ADD CONSTRAINT passage_document_id_fkey FOREIGN KEY (document_id) REFERENCES __SCHEMA__.document(id) ON DELETE CASCADE;


--
-- Name: review review_claim_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.review
    ADD CONSTRAINT review_claim_id_fkey FOREIGN KEY (claim_id) REFERENCES __SCHEMA__.claim(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


