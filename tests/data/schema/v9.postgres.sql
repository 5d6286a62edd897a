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
-- Name: apitoken; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.apitoken (
    id integer NOT NULL,
    user_id integer NOT NULL,
    scope character varying NOT NULL,
    label character varying,
    secret_sha256 character varying(64) NOT NULL,
    prefix character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by character varying NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    revoked_by character varying
);


--
-- Name: apitoken_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.apitoken_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: apitoken_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.apitoken_id_seq OWNED BY __SCHEMA__.apitoken.id;


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
    hash character varying(64) NOT NULL,
    chain_version integer DEFAULT 1 NOT NULL,
    channel character varying,
    os_user character varying
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
    updated_by character varying,
    evidence_changed_at timestamp with time zone,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(text, ''::text))) STORED
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
    created_at timestamp with time zone NOT NULL,
    dataset character varying,
    source_ref character varying,
    retrieved date,
    licence character varying,
    of_name character varying
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
-- Name: factname; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.factname (
    id integer NOT NULL,
    pack character varying NOT NULL,
    key character varying NOT NULL,
    entity character varying NOT NULL,
    kind character varying NOT NULL
);


--
-- Name: factname_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.factname_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: factname_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.factname_id_seq OWNED BY __SCHEMA__.factname.id;


--
-- Name: factpack; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.factpack (
    name character varying NOT NULL,
    description character varying,
    built date,
    covered_until date,
    licence character varying,
    sources jsonb,
    facts integer NOT NULL,
    loaded_at timestamp with time zone NOT NULL
);


--
-- Name: feeditem; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.feeditem (
    id integer NOT NULL,
    feed text NOT NULL,
    item text NOT NULL,
    link text,
    first_seen timestamp with time zone NOT NULL,
    document_id integer
);


--
-- Name: feeditem_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.feeditem_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: feeditem_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.feeditem_id_seq OWNED BY __SCHEMA__.feeditem.id;


--
-- Name: job; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.job (
    id integer NOT NULL,
    kind character varying(32) NOT NULL,
    requested_by character varying NOT NULL,
    role character varying(32) NOT NULL,
    channel character varying(8) NOT NULL,
    scope character varying(16),
    args jsonb,
    status character varying(16) NOT NULL,
    done integer NOT NULL,
    total integer,
    result jsonb,
    error character varying,
    attempts integer NOT NULL,
    worker character varying,
    queue_id integer,
    created_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone
);


--
-- Name: job_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.job_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: job_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.job_id_seq OWNED BY __SCHEMA__.job.id;


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
    speaker character varying,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(text, ''::text))) STORED
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
    created_at timestamp with time zone NOT NULL,
    publisher_name text,
    publisher_site text,
    claimant text,
    claim_date date,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, ((COALESCE(claim, ''::text) || ' '::text) || COALESCE(title, ''::text)))) STORED
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
-- Name: apitoken id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.apitoken ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.apitoken_id_seq'::regclass);


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
-- Name: factname id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.factname ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.factname_id_seq'::regclass);


--
-- Name: feeditem id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.feeditem ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.feeditem_id_seq'::regclass);


--
-- Name: job id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.job ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.job_id_seq'::regclass);


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
-- Data for Name: apitoken; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--



--
-- Data for Name: auditevent; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.auditevent VALUES (1, '2026-12-01 16:30:48.666013+00', 'os:fixture', 'facts.import', NULL, NULL, '{"pack": "demo", "facts": 0}', '{"kept": 0, "pack": "demo", "facts": 22, "sha256": "101e76b79aedd779678f3ad3dc0922c2af9e6889b6d9f4801dac10e86ef74dfe", "source": "facts.yaml", "removed": 0}', '0.1.0', '0000000000000000000000000000000000000000000000000000000000000000', '9d947647a975c1d7378ac33eb06d70761a111db7cba893e7f6afa30ae4f63ee7', 2, 'cli', 'root');
INSERT INTO __SCHEMA__.auditevent VALUES (2, '2026-12-01 16:30:49.047977+00', 'os:fixture', 'precedents.import', NULL, NULL, '{"count": 0, "collection": "fixture"}', '{"file": "input", "count": 1, "known": 0, "format": "table", "changes": [], "updated": 0, "collection": "fixture"}', '0.1.0', '9d947647a975c1d7378ac33eb06d70761a111db7cba893e7f6afa30ae4f63ee7', '9c2b6fcc14fe8e8bd11298cd2207ffbaac4a1b58e29f3da2fec0a0c8476176ba', 2, 'cli', 'root');
INSERT INTO __SCHEMA__.auditevent VALUES (3, '2026-12-01 16:30:49.057965+00', 'os:fixture', 'ingest', 1, NULL, 'null', '{"kind": "source", "chars": 601, "title": null, "sha256": "3ca3889fb806dec8be08c753df132c1e5b0a1db5d8edad95e0ab707e756b2f52", "source": "source-moscou.txt", "language": "fr", "published": null}', '0.1.0', '9c2b6fcc14fe8e8bd11298cd2207ffbaac4a1b58e29f3da2fec0a0c8476176ba', 'ad0d7759d03745a092a9dedb976d1afe1f3c33f78631a70fb3b5780fd6f1bfa2', 2, 'cli', 'root');
INSERT INTO __SCHEMA__.auditevent VALUES (4, '2026-12-01 16:30:49.334242+00', 'os:fixture', 'ingest', 2, NULL, 'null', '{"kind": "article", "chars": 4613, "title": "Maroc – Russie : un mémorandum d’entente diplomatique", "sha256": "e28a71b3376b5aff03f5098eadfca6fcca3d70cb833ce52d7f4b3f5224414919", "source": "seed-maroc-russie-fr.txt", "language": "fr", "published": "2025-10-16"}', '0.1.0', 'ad0d7759d03745a092a9dedb976d1afe1f3c33f78631a70fb3b5780fd6f1bfa2', '7f2799acb25e3554c967da6f5c9b5ec77a67d0966536d25ae04ab18aa971de11', 2, 'cli', 'root');
INSERT INTO __SCHEMA__.auditevent VALUES (5, '2026-12-01 16:30:49.353791+00', 'os:fixture', 'extract', 2, NULL, '{"claims": 0}', '{"findings": {"consistent": 5, "no_evidence": 8, "contradicted": 3}, "claims_added": 16, "claims_moved": 0, "reviewed_kept": 0, "claims_removed": 0, "claims_updated": 0, "evidence_changed_since_verdict": 0}', '0.1.0', '7f2799acb25e3554c967da6f5c9b5ec77a67d0966536d25ae04ab18aa971de11', '277f31e4e6e2e9b894f6ef3fd7509f19730d2f1a0007ff575639985a35ce13d3', 2, 'cli', 'root');
INSERT INTO __SCHEMA__.auditevent VALUES (6, '2026-12-01 16:30:49.414225+00', 'os:fixture', 'user', NULL, NULL, 'null', '{"name": "fatima", "role": "fact-checker", "email": null, "password": true}', '0.1.0', '277f31e4e6e2e9b894f6ef3fd7509f19730d2f1a0007ff575639985a35ce13d3', 'c0e7b82c7e349f7bba17da449ac23b2ea89378c403f6ac10f7747216dd3580d0', 2, 'cli', 'root');
INSERT INTO __SCHEMA__.auditevent VALUES (7, '2026-12-01 16:30:49.429722+00', 'fatima', 'verdict', 2, 3, '{"note": null, "status": "unreviewed", "verdict": null, "version": 1, "reviewed_by": null}', '{"note": "Neuf ans, pas huit.", "status": "reviewed", "verdict": "False", "version": 2, "reviewed_by": "fatima"}', '0.1.0', 'c0e7b82c7e349f7bba17da449ac23b2ea89378c403f6ac10f7747216dd3580d0', '4db7f175a6fbb47416d30a1a297911e7fd84cddf053314bc50deba5d8ff69db7', 2, 'cli', 'root');


--
-- Data for Name: claim; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.claim VALUES (1, 2, 'temporal', 0, 23, 'jeudi, octobre 16, 2025', NULL, NULL, '{"mod": null, "value": "2025-10-16", "resolved": ["2025-10-16", "2025-10-16"], "timex_type": "DATE"}', '{"mod": null, "role": "dateline", "tense": null, "value": "2025-10-16", "anchor": null, "signal": null, "problem": null, "weekday": 3, "resolved": ["2025-10-16", "2025-10-16"], "timex_type": "DATE", "approximate": false, "resolved_day": "2025-10-16"}', 'consistent', '16 October 2025 is indeed a Thursday.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.338924+00', '2026-12-01 16:30:49.338924+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (2, 2, 'temporal', 351, 359, 'ce jeudi', NULL, NULL, '{"mod": null, "value": "2025-10-16", "resolved": ["2025-10-16", "2025-10-16"], "timex_type": "DATE"}', '{"mod": null, "role": null, "tense": "PAST", "value": "2025-10-16", "anchor": null, "signal": null, "problem": null, "weekday": null, "resolved": ["2025-10-16", "2025-10-16"], "timex_type": "DATE", "approximate": false, "resolved_day": "2025-10-16"}', 'no_evidence', 'Resolved to Thursday 16 October 2025 from the publication date (Thursday 16 October 2025); nothing outside the text confirms which Thursday is meant.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.339155+00', '2026-12-01 16:30:49.339155+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (4, 2, 'factual', 592, 607, 'roi Mohammed VI', NULL, NULL, '{"at": "2025-10-16", "object": "King", "subject": "Mohammed VI", "predicate": "holds_office"}', '{"at": "2025-10-16", "cue": "roi", "object": "King", "subject": "Mohammed VI", "dated_by": "publication", "resolved": true, "predicate": "holds_office", "office_key": "King", "object_span": [592, 595], "object_text": "roi", "subject_span": [596, 607], "subject_text": "Mohammed VI"}', 'consistent', 'On 16 October 2025 Mohammed VI was King of Morocco (since 23 July 1999).', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.339475+00', '2026-12-01 16:30:49.339475+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (5, 2, 'quote', 812, 963, 'les deux ministres se sont félicités de la qualité des échanges et de la dynamique de coopération qui caractérisent les relations entre Rabat et Moscou', 'le communiqué du ministère marocain des Affaires étrangères', 'communiqué du ministère marocain des Affaires étrangères', 'null', '{"cue": "Selon", "reasons": ["according to", "organisation as written"], "fidelity": "not_found", "floating": false, "anonymous": false, "confidence": 0.85, "quote_type": "according_to", "speaker_end": 810, "speaker_type": "organization", "speaker_start": 751}', 'no_evidence', 'The quote is not in the reference sources.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.339587+00', '2026-12-01 16:30:49.339587+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (6, 2, 'quote', 966, 1105, 'Nous partageons la volonté commune d’élever nos relations à un niveau supérieur, à la hauteur du potentiel et des attentes de nos deux pays', 'le texte officiel', 'communiqué du ministère marocain des Affaires étrangères', 'null', '{"cue": "indique", "reasons": ["speech verb, speaker in the incise", "document of an earlier source across 1 sentence(s)"], "fidelity": "not_found", "floating": false, "anonymous": false, "confidence": 0.8, "quote_type": "unmarked", "speaker_end": 1132, "speaker_type": "organization", "speaker_start": 1115}', 'no_evidence', 'The quote is not in the reference sources.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.339683+00', '2026-12-01 16:30:49.339683+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (7, 2, 'quote', 1960, 2125, 'Nous considérons la Russie comme un partenaire proche et cher, un acteur sérieux sur la scène internationale, et surtout un négociateur honnête et digne de confiance', 'Nasser Bourita', 'Nasser Bourita', 'null', '{"cue": "a déclaré", "reasons": ["speech verb, speaker in the incise", "named"], "fidelity": "altered", "floating": false, "anonymous": false, "confidence": 0.95, "quote_type": "unmarked", "speaker_end": 2151, "speaker_type": "person", "speaker_start": 2137}', 'contradicted', 'Altered quote: the source says it with other words. (words differ from the source: fiable / digne de confiance)', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.339807+00', '2026-12-01 16:30:49.339807+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (8, 2, 'quote', 2493, 2541, 'ces échanges prennent une dimension particulière', 'Sergueï Lavrov', 'Sergueï Lavrov', 'null', '{"cue": "Pour", "reasons": ["viewpoint ''pour X''", "named"], "fidelity": "not_found", "floating": false, "anonymous": false, "confidence": 0.75, "quote_type": "according_to", "speaker_end": 2491, "speaker_type": "person", "speaker_start": 2477}', 'no_evidence', 'The quote is not in the reference sources.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.339901+00', '2026-12-01 16:30:49.339901+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (9, 2, 'quote', 2545, 2710, 'Nous accordons une attention toute spéciale à ce dialogue, compte tenu de la situation internationale complexe, notamment des événements sensibles en Afrique du Nord', 'il', 'Sergueï Lavrov', 'null', '{"cue": "a souligné", "reasons": ["speech verb, speaker in the incise", "pronoun resolved across 1 sentence(s)"], "fidelity": "verbatim", "floating": false, "anonymous": false, "confidence": 0.86, "quote_type": "unmarked", "speaker_end": 2718, "speaker_type": "person", "speaker_start": 2716}', 'consistent', 'The quote is in the source word for word.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.339993+00', '2026-12-01 16:30:49.339993+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (10, 2, 'quote', 2729, 2834, 'La Russie reste prête à contribuer à la résolution des crises régionales, aux côtés des États partenaires', 'il', 'Sergueï Lavrov', 'null', '{"cue": "a ajouté", "reasons": ["speech verb, speaker in the incise", "pronoun resolved across 1 sentence(s)"], "fidelity": "not_found", "floating": false, "anonymous": false, "confidence": 0.86, "quote_type": "unmarked", "speaker_end": 2841, "speaker_type": "person", "speaker_start": 2839}', 'no_evidence', 'The quote is not in the reference sources.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.340082+00', '2026-12-01 16:30:49.340082+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (11, 2, 'factual', 3050, 3114, 'Conseil de sécurité de l’ONU, actuellement présidé par la Russie', NULL, NULL, '{"at": "2025-10-16", "object": "Russia", "subject": "UN Security Council", "predicate": "presides"}', '{"at": "2025-10-16", "cue": "actuellement présidé par la", "object": "Russia", "subject": "UN Security Council", "resolved": true, "predicate": "presides", "object_span": [3108, 3114], "object_text": "Russie", "subject_span": [3050, 3078], "subject_text": "Conseil de sécurité de l’ONU"}', 'consistent', 'On 16 October 2025 the UN Security Council was presided by Russia (1 October 2025 to 31 October 2025).', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.340174+00', '2026-12-01 16:30:49.340174+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (12, 2, 'temporal', 3080, 3092, 'actuellement', NULL, NULL, '{"mod": null, "value": "PRESENT_REF", "resolved": null, "timex_type": "TIME"}', '{"mod": null, "role": null, "tense": "FUTURE", "value": "PRESENT_REF", "anchor": null, "signal": null, "problem": null, "weekday": null, "resolved": null, "timex_type": "TIME", "approximate": false, "resolved_day": null}', 'no_evidence', 'Nothing on record to check this date or duration against.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.340255+00', '2026-12-01 16:30:49.340255+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (13, 2, 'temporal', 3136, 3150, 'la fin du mois', NULL, NULL, '{"mod": "END", "value": "2025-10", "resolved": ["2025-10-25", "2025-10-31"], "timex_type": "DATE"}', '{"mod": "END", "role": null, "tense": "FUTURE", "value": "2025-10", "anchor": null, "signal": {"end": 3135, "text": "à", "start": 3134}, "problem": null, "weekday": null, "resolved": ["2025-10-25", "2025-10-31"], "prediction": true, "timex_type": "DATE", "approximate": false, "resolved_day": "2025-10-31"}', 'consistent', 'Prediction borne out: the knowledge base records Resolution 2797 (2025) adopted by the UN Security Council on 31 October 2025 and the MINURSO mandate ending on 31 October 2025, within ''la fin du mois'' (25 October 2025 to 31 October 2025).', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.340358+00', '2026-12-01 16:30:49.340358+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (14, 2, 'temporal', 3631, 3639, 'l’avenir', NULL, NULL, '{"mod": null, "value": "FUTURE_REF", "resolved": null, "timex_type": "TIME"}', '{"mod": null, "role": null, "tense": null, "value": "FUTURE_REF", "anchor": null, "signal": {"end": 3630, "text": "vers", "start": 3626}, "problem": null, "weekday": null, "resolved": null, "timex_type": "TIME", "approximate": false, "resolved_day": null}', 'no_evidence', 'Nothing on record to check this date or duration against.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.340437+00', '2026-12-01 16:30:49.340437+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (15, 2, 'quote', 4014, 4150, 'Nous voulons que ce partenariat soit un modèle de coopération Sud-Nord équilibrée, fondé sur le respect, la complémentarité et la vision', 'un diplomate marocain présent à Moscou', NULL, 'null', '{"cue": "a conclu", "reasons": ["speech verb, speaker in the incise", "anonymous source"], "fidelity": "verbatim", "floating": false, "anonymous": true, "confidence": 0.9, "quote_type": "unmarked", "speaker_end": 4199, "speaker_type": "person", "speaker_start": 4161}', 'contradicted', 'Misattributed: in the source these words are said by M. LAVROV.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.340528+00', '2026-12-01 16:30:49.340528+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (16, 2, 'temporal', 4601, 4612, 'XXIᵉ siècle', NULL, NULL, '{"mod": null, "value": "20XX", "resolved": ["2000-01-01", "2099-12-31"], "timex_type": "DATE"}', '{"mod": null, "role": null, "tense": null, "value": "20XX", "anchor": null, "signal": {"end": 4600, "text": "du", "start": 4598}, "problem": null, "weekday": null, "resolved": ["2000-01-01", "2099-12-31"], "timex_type": "DATE", "approximate": false, "resolved_day": null}', 'no_evidence', 'Nothing on record to check this date or duration against.', 'unreviewed', NULL, NULL, NULL, NULL, 1, '2026-12-01 16:30:49.340611+00', '2026-12-01 16:30:49.340611+00', 'os:fixture', NULL, DEFAULT);
INSERT INTO __SCHEMA__.claim VALUES (3, 2, 'temporal', 517, 525, 'huit ans', NULL, NULL, '{"mod": null, "value": "P8Y", "resolved": null, "timex_type": "DURATION"}', '{"mod": null, "role": null, "tense": null, "value": "P8Y", "anchor": {"end": 627, "text": "la signature du Partenariat stratégique approfondi entre le roi Mohammed VI et Vladimir Poutine", "start": 532, "signal": {"end": 531, "text": "après", "start": 526}, "relation": "AFTER"}, "signal": null, "elapsed": {"days": 1, "years": 9, "months": 7}, "problem": null, "weekday": null, "resolved": null, "timex_type": "DURATION", "approximate": false, "resolved_day": null}', 'contradicted', 'The knowledge base dates Morocco–Russia Deepened Strategic Partnership (signing of the declaration) to 15 March 2016: 9 years, 7 months and 1 day before the article''s date 16 October 2025, not ''huit ans''.', 'reviewed', 'False', 'Neuf ans, pas huit.', 'fatima', '2026-12-01 16:30:49.424315+00', 2, '2026-12-01 16:30:49.339342+00', '2026-12-01 16:30:49.424315+00', 'fatima', NULL, DEFAULT);


--
-- Data for Name: document; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.document VALUES (1, 'source', '3ca3889fb806dec8be08c753df132c1e5b0a1db5d8edad95e0ab707e756b2f52', NULL, NULL, NULL, NULL, 'fr', NULL, 'txt', 'source-moscou.txt', 'utf-8', 'Déclarations à la presse, Moscou, 16 octobre 2025 (transcription de travail, écrite pour les tests).

M. BOURITA : Nous considérons la Russie comme un partenaire proche et cher, un acteur sérieux sur la scène internationale, et surtout un négociateur honnête et fiable.

M. LAVROV : Nous accordons une attention toute spéciale à ce dialogue, compte tenu de la situation internationale complexe, notamment des événements sensibles en Afrique du Nord.

M. LAVROV : Nous voulons que ce partenariat soit un modèle de coopération Sud-Nord équilibrée, fondé sur le respect, la complémentarité et la vision.
', '[]', '{"dateline": null}', '2026-12-01 16:30:49.054165+00', 'os:fixture');
INSERT INTO __SCHEMA__.document VALUES (2, 'article', 'e28a71b3376b5aff03f5098eadfca6fcca3d70cb833ce52d7f4b3f5224414919', 'Maroc – Russie : un mémorandum d’entente diplomatique', NULL, NULL, NULL, 'fr', '2025-10-16', 'txt', 'seed-maroc-russie-fr.txt', 'utf-8', 'jeudi, octobre 16, 2025
InternationalNational

Maroc – Russie : un mémorandum d’entente diplomatique

🇲🇦🤝🇷🇺 Diplomatie : Nasser Bourita et Sergueï Lavrov scellent un nouveau cap dans le partenariat stratégique Maroc-Russie

Un rapprochement stratégique au cœur d’un contexte international mouvant

À Moscou, Nasser Bourita et Sergueï Lavrov ont tenu, ce jeudi, une rencontre de haut niveau visant à consolider le partenariat stratégique entre le Maroc et la Russie. Une réunion placée sous le signe de la continuité, huit ans après la signature du Partenariat stratégique approfondi entre le roi Mohammed VI et Vladimir Poutine.

Un dialogue politique solide et une coopération en expansion

Le ton de la rencontre a été résolument constructif. Selon le communiqué du ministère marocain des Affaires étrangères, les deux ministres se sont félicités de la qualité des échanges et de la dynamique de coopération qui caractérisent les relations entre Rabat et Moscou.

Nous partageons la volonté commune d’élever nos relations à un niveau supérieur, à la hauteur du potentiel et des attentes de nos deux pays, indique le texte officiel.

Pour donner corps à cette ambition, Nasser Bourita et Sergueï Lavrov ont signé un mémorandum d’entente instituant un Comité de travail russo-marocain.
Cette nouvelle instance aura pour mission de suivre les projets bilatéraux, identifier de nouveaux domaines de coopération et veiller à la mise en œuvre des accords conclus dans divers secteurs : commerce, énergie, recherche scientifique, formation et culture.

Un cadre institutionnel renforcé

Les deux ministres ont également convenu de maintenir un dialogue politique régulier et d’assurer un suivi conjoint des projets structurants, afin d’insuffler un nouvel élan au partenariat stratégique global.
Ce dispositif s’inscrit dans la logique d’un rapprochement pragmatique et équilibré, fondé sur le respect mutuel, la non-ingérence et la recherche d’intérêts partagés.

Nous considérons la Russie comme un partenaire proche et cher, un acteur sérieux sur la scène internationale, et surtout un négociateur honnête et digne de confiance, a déclaré Nasser Bourita dans son allocution d’ouverture.

Des dossiers régionaux au cœur des discussions

La rencontre a également permis d’aborder plusieurs dossiers d’actualité régionale.
Les discussions ont porté sur la situation en Afrique du Nord, les enjeux sécuritaires au Sahel, ainsi que les évolutions géopolitiques au Moyen-Orient.

Pour Sergueï Lavrov, ces échanges prennent une dimension particulière :

Nous accordons une attention toute spéciale à ce dialogue, compte tenu de la situation internationale complexe, notamment des événements sensibles en Afrique du Nord, a-t-il souligné.
La Russie reste prête à contribuer à la résolution des crises régionales, aux côtés des États partenaires,a-t-il ajouté.

À lire aussi : La Russie a fait le bilan de ses relations avec le Maroc en 2024

Un contexte diplomatique décisif

Cette visite officielle intervient à un moment clé pour la diplomatie marocaine.
Le Conseil de sécurité de l’ONU, actuellement présidé par la Russie, doit se prononcer à la fin du mois sur la prochaine résolution relative à la question du Sahara et au mandat de la MINURSO.

Dans ce contexte, la coordination entre Rabat et Moscou revêt une dimension stratégique, au-delà du seul cadre bilatéral.
Elle traduit la volonté du Maroc de diversifier ses partenariats diplomatiques et de renforcer sa présence sur l’échiquier international, tout en consolidant son image d’acteur équilibré et crédible dans la gestion des crises régionales.

Une coopération tournée vers l’avenir

En toile de fond, cette rencontre s’inscrit dans la volonté marocaine de bâtir une diplomatie d’influence fondée sur la diversification des alliances et l’ouverture sur les puissances émergentes.
Pour Moscou, elle représente l’opportunité de consolider ses liens avec un partenaire stable, modéré et stratégiquement positionné entre l’Europe, l’Afrique et le monde arabe.

Nous voulons que ce partenariat soit un modèle de coopération Sud-Nord équilibrée, fondé sur le respect, la complémentarité et la vision, a conclu un diplomate marocain présent à Moscou.

🕊️ Une alliance de confiance

Plus qu’un simple échange diplomatique, la rencontre Bourita–Lavrov illustre la maturité et la profondeur du dialogue maroco-russe, fondé sur la confiance mutuelle et une vision partagée de la stabilité régionale.
Un signal fort, au moment où les équilibres internationaux se redessinent, et où le Maroc entend faire entendre sa voix parmi les puissances émergentes du XXIᵉ siècle.', '[{"end": 45, "kind": "category_labels", "start": 24}, {"end": 2930, "kind": "related_link", "start": 2851}]', '{"dateline": [0, 23, "dateline"]}', '2026-12-01 16:30:49.331936+00', 'os:fixture');


--
-- Data for Name: evidence; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.evidence VALUES (1, 1, 'calendar', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'calendar', 'null', '2026-12-01 16:30:49.346561+00');
INSERT INTO __SCHEMA__.evidence VALUES (2, 3, 'fact', NULL, 1, NULL, 'Meeting with King Mohammed VI of Morocco (President of Russia, 15 March 2016)', 'http://en.kremlin.ru/events/president/news/51516', NULL, NULL, NULL, 100, 'kb.when', '{"pack": "demo", "extra": {"note": "Adopted during King Mohammed VI''s official visit to Russia (Kremlin, Moscow).", "place": "Moscow", "participants": ["Mohammed VI", "Vladimir Putin"]}, "object": "signing of the declaration", "subject": "Morocco–Russia Deepened Strategic Partnership", "valid_to": null, "predicate": "event", "valid_from": "2016-03-15"}', '2026-12-01 16:30:49.346742+00');
INSERT INTO __SCHEMA__.evidence VALUES (3, 4, 'fact', NULL, 20, NULL, 'Portail national du Royaume du Maroc', 'https://www.maroc.ma/', NULL, NULL, NULL, 100, 'kb.office_holder_at', '{"pack": "demo", "extra": {"of": "Morocco"}, "object": "King", "subject": "Mohammed VI", "valid_to": null, "predicate": "holds_office", "valid_from": "1999-07-23"}', '2026-12-01 16:30:49.346828+00');
INSERT INTO __SCHEMA__.evidence VALUES (4, 5, 'passage', NULL, NULL, NULL, 'source-moscou.txt', NULL, '3ca3889fb806dec8be08c753df132c1e5b0a1db5d8edad95e0ab707e756b2f52', NULL, NULL, 16.22, 'align:rapidfuzz+words', '{"diff": [], "note": "no passage of the source holds this quote", "class": "not_found", "parts": [], "speaker": null, "misattributed": false}', '2026-12-01 16:30:49.346918+00');
INSERT INTO __SCHEMA__.evidence VALUES (5, 6, 'passage', NULL, NULL, NULL, 'source-moscou.txt', NULL, '3ca3889fb806dec8be08c753df132c1e5b0a1db5d8edad95e0ab707e756b2f52', NULL, NULL, 20.83, 'align:rapidfuzz+words', '{"diff": [], "note": "no passage of the source holds this quote", "class": "not_found", "parts": [], "speaker": null, "misattributed": false}', '2026-12-01 16:30:49.346997+00');
INSERT INTO __SCHEMA__.evidence VALUES (6, 7, 'passage', NULL, NULL, NULL, 'source-moscou.txt', NULL, '3ca3889fb806dec8be08c753df132c1e5b0a1db5d8edad95e0ab707e756b2f52', 115, 268, 92, 'align:rapidfuzz+words', '{"diff": [["=", "Nous considérons la Russie comme un partenaire proche et cher un acteur sérieux sur la scène internationale et surtout un négociateur honnête et"], ["-", "fiable"], ["+", "digne de confiance"]], "note": "words differ from the source: fiable / digne de confiance", "class": "altered", "parts": [], "speaker": "M. BOURITA", "misattributed": false}', '2026-12-01 16:30:49.347077+00');
INSERT INTO __SCHEMA__.evidence VALUES (7, 7, 'precedent', NULL, NULL, NULL, 'Bourita et la Russie', 'https://example.org/p1', NULL, NULL, NULL, 83.67, 'precedent:bm25+rerank+minilm', '{"diff": [["=", "Nous considérons la Russie comme un partenaire proche et cher un acteur sérieux sur la scène internationale et"], ["+", "surtout"], ["=", "un négociateur honnête et"], ["-", "loyal"], ["+", "digne de confiance"]], "detail": {"date": "2025-10-20", "text": "Nous considérons la Russie comme un partenaire proche et cher, un acteur sérieux sur la scène internationale, et un négociateur honnête et loyal.", "verdict": "Mostly true", "collection": "fixture", "explanation": "similar claim, not identical (words differ: surtout / loyal / digne de confiance), checked before: Mostly true, 2025-10-20, https://example.org/p1", "external_id": "p1", "precedent_id": 1}, "similarity": "similar"}', '2026-12-01 16:30:49.347166+00');
INSERT INTO __SCHEMA__.evidence VALUES (8, 8, 'passage', NULL, NULL, NULL, 'source-moscou.txt', NULL, '3ca3889fb806dec8be08c753df132c1e5b0a1db5d8edad95e0ab707e756b2f52', NULL, NULL, 18.18, 'align:rapidfuzz+words', '{"diff": [], "note": "no passage of the source holds this quote", "class": "not_found", "parts": [], "speaker": null, "misattributed": false}', '2026-12-01 16:30:49.347242+00');
INSERT INTO __SCHEMA__.evidence VALUES (9, 9, 'passage', NULL, NULL, NULL, 'source-moscou.txt', NULL, '3ca3889fb806dec8be08c753df132c1e5b0a1db5d8edad95e0ab707e756b2f52', 283, 448, 100, 'align:rapidfuzz+words', '{"diff": [["=", "Nous accordons une attention toute spéciale à ce dialogue compte tenu de la situation internationale complexe notamment des événements sensibles en Afrique du Nord"]], "note": "", "class": "verbatim", "parts": [], "speaker": "M. LAVROV", "misattributed": false}', '2026-12-01 16:30:49.347367+00');
INSERT INTO __SCHEMA__.evidence VALUES (10, 10, 'passage', NULL, NULL, NULL, 'source-moscou.txt', NULL, '3ca3889fb806dec8be08c753df132c1e5b0a1db5d8edad95e0ab707e756b2f52', NULL, NULL, 18.18, 'align:rapidfuzz+words', '{"diff": [], "note": "no passage of the source holds this quote", "class": "not_found", "parts": [], "speaker": null, "misattributed": false}', '2026-12-01 16:30:49.347453+00');
INSERT INTO __SCHEMA__.evidence VALUES (11, 11, 'fact', NULL, 11, NULL, 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', NULL, NULL, NULL, 100, 'kb.presiding_at', '{"pack": "demo", "object": "Russia", "subject": "UN Security Council", "valid_to": "2025-10-31", "predicate": "presides", "valid_from": "2025-10-01"}', '2026-12-01 16:30:49.347526+00');
INSERT INTO __SCHEMA__.evidence VALUES (12, 13, 'fact', NULL, 16, NULL, 'United Nations Meetings Coverage and Press Releases', 'https://press.un.org/en', NULL, NULL, NULL, 100, 'kb.prediction', '{"pack": "demo", "extra": {"note": "Renews MINURSO''s mandate until 31 October 2026.", "about": "MINURSO"}, "object": "UN Security Council", "subject": "Resolution 2797 (2025)", "valid_to": null, "predicate": "adopted", "valid_from": "2025-10-31"}', '2026-12-01 16:30:49.347598+00');
INSERT INTO __SCHEMA__.evidence VALUES (13, 13, 'fact', NULL, 15, NULL, 'United Nations Meetings Coverage and Press Releases', 'https://press.un.org/en', NULL, NULL, NULL, 100, 'kb.prediction', '{"pack": "demo", "extra": {"resolution": "Resolution 2756 (2024)"}, "object": "UN Security Council", "subject": "MINURSO", "valid_to": "2025-10-31", "predicate": "mandate", "valid_from": "2024-11-01"}', '2026-12-01 16:30:49.347667+00');
INSERT INTO __SCHEMA__.evidence VALUES (14, 15, 'passage', NULL, NULL, NULL, 'source-moscou.txt', NULL, '3ca3889fb806dec8be08c753df132c1e5b0a1db5d8edad95e0ab707e756b2f52', 463, 599, 100, 'align:rapidfuzz+words', '{"diff": [["=", "Nous voulons que ce partenariat soit un modèle de coopération Sud-Nord équilibrée fondé sur le respect la complémentarité et la vision"]], "note": "", "class": "verbatim", "parts": [], "speaker": "M. LAVROV", "misattributed": true}', '2026-12-01 16:30:49.347739+00');


--
-- Data for Name: fact; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.fact VALUES (1, 'demo', 'Morocco–Russia Deepened Strategic Partnership', 'event', 'signing of the declaration', '2016-03-15', NULL, 'Meeting with King Mohammed VI of Morocco (President of Russia, 15 March 2016)', 'http://en.kremlin.ru/events/president/news/51516', '{"entities": {"Moscow": {"type": "place", "names": {}, "adjectives": {}}, "Mohammed VI": {"type": "person", "names": {"en": ["King Mohammed VI", "Muhammad VI"], "fr": ["roi Mohammed VI", "Sa Majesté le Roi Mohammed VI", "Mohamed VI"]}, "adjectives": {}}, "Vladimir Putin": {"type": "person", "names": {"en": ["Putin", "Vladimir Vladimirovich Putin"], "fr": ["Vladimir Poutine", "Poutine"], "ru": ["Владимир Путин", "Путин"]}, "adjectives": {}}, "Morocco–Russia Deepened Strategic Partnership": {"type": "event", "names": {"en": ["Deepened Strategic Partnership", "Declaration on the Deepened Strategic Partnership", "Statement on the extended strategic partnership", "extended strategic partnership"], "fr": ["Partenariat stratégique approfondi", "partenariat stratégique approfondi entre le Maroc et la Russie", "déclaration sur le partenariat stratégique approfondi", "Déclaration de partenariat stratégique approfondi"]}, "adjectives": {}}}}', '{"note": "Adopted during King Mohammed VI''s official visit to Russia (Kremlin, Moscow).", "place": "Moscow", "participants": ["Mohammed VI", "Vladimir Putin"]}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (2, 'demo', 'UN Security Council', 'presides', 'Algeria', '2025-01-01', '2025-01-31', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Algeria": {"type": "country", "names": {"fr": ["Algérie"]}, "adjectives": {"en": ["Algerian"], "fr": ["algérien", "algérienne"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (3, 'demo', 'UN Security Council', 'presides', 'China', '2025-02-01', '2025-02-28', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"China": {"type": "country", "names": {"en": ["People''s Republic of China"], "fr": ["Chine"]}, "adjectives": {"en": ["Chinese"], "fr": ["chinois", "chinoise"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (4, 'demo', 'UN Security Council', 'presides', 'Denmark', '2025-03-01', '2025-03-31', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Denmark": {"type": "country", "names": {"fr": ["Danemark"]}, "adjectives": {"en": ["Danish"], "fr": ["danois", "danoise"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (5, 'demo', 'UN Security Council', 'presides', 'France', '2025-04-01', '2025-04-30', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"France": {"type": "country", "names": {}, "adjectives": {"en": ["French"], "fr": ["français", "française"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (6, 'demo', 'UN Security Council', 'presides', 'Greece', '2025-05-01', '2025-05-31', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Greece": {"type": "country", "names": {"fr": ["Grèce"]}, "adjectives": {"en": ["Greek"], "fr": ["grec", "grecque"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (7, 'demo', 'UN Security Council', 'presides', 'Guyana', '2025-06-01', '2025-06-30', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Guyana": {"type": "country", "names": {}, "adjectives": {"en": ["Guyanese"], "fr": ["guyanien", "guyanienne"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (8, 'demo', 'UN Security Council', 'presides', 'Pakistan', '2025-07-01', '2025-07-31', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Pakistan": {"type": "country", "names": {}, "adjectives": {"en": ["Pakistani"], "fr": ["pakistanais", "pakistanaise"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (9, 'demo', 'UN Security Council', 'presides', 'Panama', '2025-08-01', '2025-08-31', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Panama": {"type": "country", "names": {}, "adjectives": {"en": ["Panamanian"], "fr": ["panaméen", "panaméenne"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (10, 'demo', 'UN Security Council', 'presides', 'Republic of Korea', '2025-09-01', '2025-09-30', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Republic of Korea": {"type": "country", "names": {"en": ["South Korea"], "fr": ["République de Corée", "Corée du Sud"]}, "adjectives": {"en": ["South Korean"], "fr": ["sud-coréen", "sud-coréenne"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (11, 'demo', 'UN Security Council', 'presides', 'Russia', '2025-10-01', '2025-10-31', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Russia": {"type": "country", "names": {"en": ["Russian Federation"], "fr": ["Russie", "Fédération de Russie"], "ru": ["Россия", "Российская Федерация"]}, "adjectives": {"en": ["Russian"], "fr": ["russe", "russes"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (12, 'demo', 'UN Security Council', 'presides', 'Sierra Leone', '2025-11-01', '2025-11-30', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Sierra Leone": {"type": "country", "names": {}, "adjectives": {"en": ["Sierra Leonean"], "fr": ["sierra-léonais", "sierra-léonaise"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (13, 'demo', 'UN Security Council', 'presides', 'Slovenia', '2025-12-01', '2025-12-31', 'Security Council Presidency (United Nations)', 'https://www.un.org/securitycouncil/content/presidency', '{"entities": {"Slovenia": {"type": "country", "names": {"fr": ["Slovénie"]}, "adjectives": {"en": ["Slovenian", "Slovene"], "fr": ["slovène"]}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', 'null', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (14, 'demo', 'Resolution 2756 (2024)', 'adopted', 'UN Security Council', '2024-10-31', NULL, 'United Nations Meetings Coverage and Press Releases', 'https://press.un.org/en', '{"entities": {"MINURSO": {"type": "mission", "names": {"en": ["United Nations Mission for the Referendum in Western Sahara"], "fr": ["Mission des Nations unies pour l''organisation d''un référendum au Sahara occidental"]}, "adjectives": {}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}, "Resolution 2756 (2024)": {"type": "resolution", "names": {"en": ["resolution 2756", "S/RES/2756 (2024)", "UNSCR 2756"], "fr": ["résolution 2756", "résolution 2756 (2024)"]}, "adjectives": {}}}}', '{"about": "MINURSO"}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (15, 'demo', 'MINURSO', 'mandate', 'UN Security Council', '2024-11-01', '2025-10-31', 'United Nations Meetings Coverage and Press Releases', 'https://press.un.org/en', '{"entities": {"MINURSO": {"type": "mission", "names": {"en": ["United Nations Mission for the Referendum in Western Sahara"], "fr": ["Mission des Nations unies pour l''organisation d''un référendum au Sahara occidental"]}, "adjectives": {}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', '{"resolution": "Resolution 2756 (2024)"}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (16, 'demo', 'Resolution 2797 (2025)', 'adopted', 'UN Security Council', '2025-10-31', NULL, 'United Nations Meetings Coverage and Press Releases', 'https://press.un.org/en', '{"entities": {"MINURSO": {"type": "mission", "names": {"en": ["United Nations Mission for the Referendum in Western Sahara"], "fr": ["Mission des Nations unies pour l''organisation d''un référendum au Sahara occidental"]}, "adjectives": {}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}, "Resolution 2797 (2025)": {"type": "resolution", "names": {"en": ["resolution 2797", "S/RES/2797 (2025)", "UNSCR 2797"], "fr": ["résolution 2797", "résolution 2797 (2025)"]}, "adjectives": {}}}}', '{"note": "Renews MINURSO''s mandate until 31 October 2026.", "about": "MINURSO"}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (17, 'demo', 'MINURSO', 'mandate', 'UN Security Council', '2025-11-01', '2026-10-31', 'United Nations Meetings Coverage and Press Releases', 'https://press.un.org/en', '{"entities": {"MINURSO": {"type": "mission", "names": {"en": ["United Nations Mission for the Referendum in Western Sahara"], "fr": ["Mission des Nations unies pour l''organisation d''un référendum au Sahara occidental"]}, "adjectives": {}}, "UN Security Council": {"type": "institution", "names": {"en": ["United Nations Security Council", "Security Council", "UNSC"], "fr": ["Conseil de sécurité de l''ONU", "Conseil de sécurité des Nations unies", "Conseil de sécurité", "CSNU"]}, "adjectives": {}}}}', '{"resolution": "Resolution 2797 (2025)"}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO __SCHEMA__.fact VALUES (18, 'demo', 'Nasser Bourita', 'holds_office', 'Minister of Foreign Affairs', '2017-04-05', NULL, 'Ministry of Foreign Affairs, African Cooperation and Moroccan Expatriates', 'https://www.diplomatie.ma/', '{"entities": {"Morocco": {"type": "country", "names": {"ar": ["المغرب"], "en": ["Kingdom of Morocco"], "fr": ["Maroc", "Royaume du Maroc"]}, "adjectives": {"en": ["Moroccan"], "fr": ["marocain", "marocaine", "marocains", "marocaines"]}}, "Nasser Bourita": {"type": "person", "names": {"en": ["Naser Bourita", "Bourita"], "fr": ["Bourita"]}, "adjectives": {}}, "Minister of Foreign Affairs": {"type": "office", "names": {"en": ["Foreign Minister", "Foreign Affairs Minister", "top diplomat"], "fr": ["ministre des Affaires étrangères", "chef de la diplomatie", "ministre des Affaires étrangères, de la Coopération africaine et des Marocains résidant à l''étranger"]}, "adjectives": {}}}}', '{"of": "Morocco"}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, 'Morocco');
INSERT INTO __SCHEMA__.fact VALUES (19, 'demo', 'Sergey Lavrov', 'holds_office', 'Minister of Foreign Affairs', '2004-03-09', NULL, 'Ministry of Foreign Affairs of the Russian Federation', 'https://www.mid.ru/en/', '{"entities": {"Russia": {"type": "country", "names": {"en": ["Russian Federation"], "fr": ["Russie", "Fédération de Russie"], "ru": ["Россия", "Российская Федерация"]}, "adjectives": {"en": ["Russian"], "fr": ["russe", "russes"]}}, "Sergey Lavrov": {"type": "person", "names": {"en": ["Sergei Lavrov", "Lavrov"], "fr": ["Sergueï Lavrov", "Serguei Lavrov", "Lavrov"], "ru": ["Сергей Лавров", "Лавров"]}, "adjectives": {}}, "Minister of Foreign Affairs": {"type": "office", "names": {"en": ["Foreign Minister", "Foreign Affairs Minister", "top diplomat"], "fr": ["ministre des Affaires étrangères", "chef de la diplomatie", "ministre des Affaires étrangères, de la Coopération africaine et des Marocains résidant à l''étranger"]}, "adjectives": {}}}}', '{"of": "Russia"}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, 'Russia');
INSERT INTO __SCHEMA__.fact VALUES (20, 'demo', 'Mohammed VI', 'holds_office', 'King', '1999-07-23', NULL, 'Portail national du Royaume du Maroc', 'https://www.maroc.ma/', '{"entities": {"King": {"type": "office", "names": {"en": ["monarch", "sovereign"], "fr": ["roi", "souverain", "monarque"]}, "adjectives": {}}, "Morocco": {"type": "country", "names": {"ar": ["المغرب"], "en": ["Kingdom of Morocco"], "fr": ["Maroc", "Royaume du Maroc"]}, "adjectives": {"en": ["Moroccan"], "fr": ["marocain", "marocaine", "marocains", "marocaines"]}}, "Mohammed VI": {"type": "person", "names": {"en": ["King Mohammed VI", "Muhammad VI"], "fr": ["roi Mohammed VI", "Sa Majesté le Roi Mohammed VI", "Mohamed VI"]}, "adjectives": {}}}}', '{"of": "Morocco"}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, 'Morocco');
INSERT INTO __SCHEMA__.fact VALUES (21, 'demo', 'Vladimir Putin', 'holds_office', 'President', '2000-05-07', '2008-05-07', 'President of Russia (official website)', 'http://en.kremlin.ru/', '{"entities": {"Russia": {"type": "country", "names": {"en": ["Russian Federation"], "fr": ["Russie", "Fédération de Russie"], "ru": ["Россия", "Российская Федерация"]}, "adjectives": {"en": ["Russian"], "fr": ["russe", "russes"]}}, "President": {"type": "office", "names": {"en": ["head of state"], "fr": ["président", "présidente", "chef de l''État"]}, "adjectives": {}}, "Vladimir Putin": {"type": "person", "names": {"en": ["Putin", "Vladimir Vladimirovich Putin"], "fr": ["Vladimir Poutine", "Poutine"], "ru": ["Владимир Путин", "Путин"]}, "adjectives": {}}}}', '{"of": "Russia"}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, 'Russia');
INSERT INTO __SCHEMA__.fact VALUES (22, 'demo', 'Vladimir Putin', 'holds_office', 'President', '2012-05-07', NULL, 'President of Russia (official website)', 'http://en.kremlin.ru/', '{"entities": {"Russia": {"type": "country", "names": {"en": ["Russian Federation"], "fr": ["Russie", "Fédération de Russie"], "ru": ["Россия", "Российская Федерация"]}, "adjectives": {"en": ["Russian"], "fr": ["russe", "russes"]}}, "President": {"type": "office", "names": {"en": ["head of state"], "fr": ["président", "présidente", "chef de l''État"]}, "adjectives": {}}, "Vladimir Putin": {"type": "person", "names": {"en": ["Putin", "Vladimir Vladimirovich Putin"], "fr": ["Vladimir Poutine", "Poutine"], "ru": ["Владимир Путин", "Путин"]}, "adjectives": {}}}}', '{"of": "Russia"}', '2026-12-01 16:30:48.645262+00', NULL, NULL, NULL, NULL, 'Russia');


--
-- Data for Name: factname; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.factname VALUES (1, 'demo', 'morocco russia deepened strategic partnership', 'Morocco–Russia Deepened Strategic Partnership', 'name');
INSERT INTO __SCHEMA__.factname VALUES (2, 'demo', 'partenariat strategique approfondi', 'Morocco–Russia Deepened Strategic Partnership', 'name');
INSERT INTO __SCHEMA__.factname VALUES (3, 'demo', 'partenariat strategique approfondi entre le maroc et la russie', 'Morocco–Russia Deepened Strategic Partnership', 'name');
INSERT INTO __SCHEMA__.factname VALUES (4, 'demo', 'declaration sur le partenariat strategique approfondi', 'Morocco–Russia Deepened Strategic Partnership', 'name');
INSERT INTO __SCHEMA__.factname VALUES (5, 'demo', 'declaration de partenariat strategique approfondi', 'Morocco–Russia Deepened Strategic Partnership', 'name');
INSERT INTO __SCHEMA__.factname VALUES (6, 'demo', 'deepened strategic partnership', 'Morocco–Russia Deepened Strategic Partnership', 'name');
INSERT INTO __SCHEMA__.factname VALUES (7, 'demo', 'declaration on the deepened strategic partnership', 'Morocco–Russia Deepened Strategic Partnership', 'name');
INSERT INTO __SCHEMA__.factname VALUES (8, 'demo', 'statement on the extended strategic partnership', 'Morocco–Russia Deepened Strategic Partnership', 'name');
INSERT INTO __SCHEMA__.factname VALUES (9, 'demo', 'extended strategic partnership', 'Morocco–Russia Deepened Strategic Partnership', 'name');
INSERT INTO __SCHEMA__.factname VALUES (10, 'demo', 'moscow', 'Moscow', 'name');
INSERT INTO __SCHEMA__.factname VALUES (11, 'demo', 'mohammed vi', 'Mohammed VI', 'name');
INSERT INTO __SCHEMA__.factname VALUES (12, 'demo', 'mohammed', 'Mohammed VI', 'token');
INSERT INTO __SCHEMA__.factname VALUES (13, 'demo', 'roi mohammed vi', 'Mohammed VI', 'name');
INSERT INTO __SCHEMA__.factname VALUES (14, 'demo', 'sa majeste le roi mohammed vi', 'Mohammed VI', 'name');
INSERT INTO __SCHEMA__.factname VALUES (15, 'demo', 'majeste', 'Mohammed VI', 'token');
INSERT INTO __SCHEMA__.factname VALUES (16, 'demo', 'mohamed vi', 'Mohammed VI', 'name');
INSERT INTO __SCHEMA__.factname VALUES (17, 'demo', 'mohamed', 'Mohammed VI', 'token');
INSERT INTO __SCHEMA__.factname VALUES (18, 'demo', 'king mohammed vi', 'Mohammed VI', 'name');
INSERT INTO __SCHEMA__.factname VALUES (19, 'demo', 'king', 'Mohammed VI', 'token');
INSERT INTO __SCHEMA__.factname VALUES (20, 'demo', 'muhammad vi', 'Mohammed VI', 'name');
INSERT INTO __SCHEMA__.factname VALUES (21, 'demo', 'muhammad', 'Mohammed VI', 'token');
INSERT INTO __SCHEMA__.factname VALUES (22, 'demo', 'vladimir putin', 'Vladimir Putin', 'name');
INSERT INTO __SCHEMA__.factname VALUES (23, 'demo', 'vladimir', 'Vladimir Putin', 'token');
INSERT INTO __SCHEMA__.factname VALUES (24, 'demo', 'putin', 'Vladimir Putin', 'token');
INSERT INTO __SCHEMA__.factname VALUES (25, 'demo', 'vladimir poutine', 'Vladimir Putin', 'name');
INSERT INTO __SCHEMA__.factname VALUES (26, 'demo', 'poutine', 'Vladimir Putin', 'token');
INSERT INTO __SCHEMA__.factname VALUES (27, 'demo', 'poutine', 'Vladimir Putin', 'name');
INSERT INTO __SCHEMA__.factname VALUES (28, 'demo', 'putin', 'Vladimir Putin', 'name');
INSERT INTO __SCHEMA__.factname VALUES (29, 'demo', 'vladimir vladimirovich putin', 'Vladimir Putin', 'name');
INSERT INTO __SCHEMA__.factname VALUES (30, 'demo', 'vladimirovich', 'Vladimir Putin', 'token');
INSERT INTO __SCHEMA__.factname VALUES (31, 'demo', 'владимир путин', 'Vladimir Putin', 'name');
INSERT INTO __SCHEMA__.factname VALUES (32, 'demo', 'владимир', 'Vladimir Putin', 'token');
INSERT INTO __SCHEMA__.factname VALUES (33, 'demo', 'путин', 'Vladimir Putin', 'token');
INSERT INTO __SCHEMA__.factname VALUES (34, 'demo', 'путин', 'Vladimir Putin', 'name');
INSERT INTO __SCHEMA__.factname VALUES (35, 'demo', 'signing of the declaration', 'signing of the declaration', 'name');
INSERT INTO __SCHEMA__.factname VALUES (36, 'demo', 'un security council', 'UN Security Council', 'name');
INSERT INTO __SCHEMA__.factname VALUES (37, 'demo', 'conseil de securite de l onu', 'UN Security Council', 'name');
INSERT INTO __SCHEMA__.factname VALUES (38, 'demo', 'conseil de securite des nations unies', 'UN Security Council', 'name');
INSERT INTO __SCHEMA__.factname VALUES (39, 'demo', 'conseil de securite', 'UN Security Council', 'name');
INSERT INTO __SCHEMA__.factname VALUES (40, 'demo', 'csnu', 'UN Security Council', 'name');
INSERT INTO __SCHEMA__.factname VALUES (41, 'demo', 'united nations security council', 'UN Security Council', 'name');
INSERT INTO __SCHEMA__.factname VALUES (42, 'demo', 'security council', 'UN Security Council', 'name');
INSERT INTO __SCHEMA__.factname VALUES (43, 'demo', 'unsc', 'UN Security Council', 'name');
INSERT INTO __SCHEMA__.factname VALUES (44, 'demo', 'algeria', 'Algeria', 'name');
INSERT INTO __SCHEMA__.factname VALUES (45, 'demo', 'algerie', 'Algeria', 'name');
INSERT INTO __SCHEMA__.factname VALUES (46, 'demo', 'algerien', 'Algeria', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (47, 'demo', 'algerienne', 'Algeria', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (48, 'demo', 'algerian', 'Algeria', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (49, 'demo', 'china', 'China', 'name');
INSERT INTO __SCHEMA__.factname VALUES (50, 'demo', 'chine', 'China', 'name');
INSERT INTO __SCHEMA__.factname VALUES (51, 'demo', 'people s republic of china', 'China', 'name');
INSERT INTO __SCHEMA__.factname VALUES (52, 'demo', 'chinois', 'China', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (53, 'demo', 'chinoise', 'China', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (54, 'demo', 'chinese', 'China', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (55, 'demo', 'denmark', 'Denmark', 'name');
INSERT INTO __SCHEMA__.factname VALUES (56, 'demo', 'danemark', 'Denmark', 'name');
INSERT INTO __SCHEMA__.factname VALUES (57, 'demo', 'danois', 'Denmark', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (58, 'demo', 'danoise', 'Denmark', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (59, 'demo', 'danish', 'Denmark', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (60, 'demo', 'france', 'France', 'name');
INSERT INTO __SCHEMA__.factname VALUES (61, 'demo', 'francais', 'France', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (62, 'demo', 'francaise', 'France', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (63, 'demo', 'french', 'France', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (64, 'demo', 'greece', 'Greece', 'name');
INSERT INTO __SCHEMA__.factname VALUES (65, 'demo', 'grece', 'Greece', 'name');
INSERT INTO __SCHEMA__.factname VALUES (66, 'demo', 'grec', 'Greece', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (67, 'demo', 'grecque', 'Greece', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (68, 'demo', 'greek', 'Greece', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (69, 'demo', 'guyana', 'Guyana', 'name');
INSERT INTO __SCHEMA__.factname VALUES (70, 'demo', 'guyanien', 'Guyana', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (71, 'demo', 'guyanienne', 'Guyana', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (72, 'demo', 'guyanese', 'Guyana', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (73, 'demo', 'pakistan', 'Pakistan', 'name');
INSERT INTO __SCHEMA__.factname VALUES (74, 'demo', 'pakistanais', 'Pakistan', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (75, 'demo', 'pakistanaise', 'Pakistan', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (76, 'demo', 'pakistani', 'Pakistan', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (77, 'demo', 'panama', 'Panama', 'name');
INSERT INTO __SCHEMA__.factname VALUES (78, 'demo', 'panameen', 'Panama', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (79, 'demo', 'panameenne', 'Panama', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (80, 'demo', 'panamanian', 'Panama', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (81, 'demo', 'republic of korea', 'Republic of Korea', 'name');
INSERT INTO __SCHEMA__.factname VALUES (82, 'demo', 'republique de coree', 'Republic of Korea', 'name');
INSERT INTO __SCHEMA__.factname VALUES (83, 'demo', 'coree du sud', 'Republic of Korea', 'name');
INSERT INTO __SCHEMA__.factname VALUES (84, 'demo', 'south korea', 'Republic of Korea', 'name');
INSERT INTO __SCHEMA__.factname VALUES (85, 'demo', 'sud coreen', 'Republic of Korea', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (86, 'demo', 'sud coreenne', 'Republic of Korea', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (87, 'demo', 'south korean', 'Republic of Korea', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (88, 'demo', 'russia', 'Russia', 'name');
INSERT INTO __SCHEMA__.factname VALUES (89, 'demo', 'russie', 'Russia', 'name');
INSERT INTO __SCHEMA__.factname VALUES (90, 'demo', 'federation de russie', 'Russia', 'name');
INSERT INTO __SCHEMA__.factname VALUES (91, 'demo', 'russian federation', 'Russia', 'name');
INSERT INTO __SCHEMA__.factname VALUES (92, 'demo', 'россия', 'Russia', 'name');
INSERT INTO __SCHEMA__.factname VALUES (93, 'demo', 'россииская федерация', 'Russia', 'name');
INSERT INTO __SCHEMA__.factname VALUES (94, 'demo', 'russe', 'Russia', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (95, 'demo', 'russes', 'Russia', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (96, 'demo', 'russian', 'Russia', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (97, 'demo', 'sierra leone', 'Sierra Leone', 'name');
INSERT INTO __SCHEMA__.factname VALUES (98, 'demo', 'sierra leonais', 'Sierra Leone', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (99, 'demo', 'sierra leonaise', 'Sierra Leone', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (100, 'demo', 'sierra leonean', 'Sierra Leone', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (101, 'demo', 'slovenia', 'Slovenia', 'name');
INSERT INTO __SCHEMA__.factname VALUES (102, 'demo', 'slovenie', 'Slovenia', 'name');
INSERT INTO __SCHEMA__.factname VALUES (103, 'demo', 'slovene', 'Slovenia', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (104, 'demo', 'slovenian', 'Slovenia', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (105, 'demo', 'resolution 2756 2024', 'Resolution 2756 (2024)', 'name');
INSERT INTO __SCHEMA__.factname VALUES (106, 'demo', 'resolution 2756', 'Resolution 2756 (2024)', 'name');
INSERT INTO __SCHEMA__.factname VALUES (107, 'demo', 's res 2756 2024', 'Resolution 2756 (2024)', 'name');
INSERT INTO __SCHEMA__.factname VALUES (108, 'demo', 'unscr 2756', 'Resolution 2756 (2024)', 'name');
INSERT INTO __SCHEMA__.factname VALUES (109, 'demo', 'minurso', 'MINURSO', 'name');
INSERT INTO __SCHEMA__.factname VALUES (110, 'demo', 'mission des nations unies pour l organisation d un referendum au sahara occidental', 'MINURSO', 'name');
INSERT INTO __SCHEMA__.factname VALUES (111, 'demo', 'united nations mission for the referendum in western sahara', 'MINURSO', 'name');
INSERT INTO __SCHEMA__.factname VALUES (112, 'demo', 'resolution 2797 2025', 'Resolution 2797 (2025)', 'name');
INSERT INTO __SCHEMA__.factname VALUES (113, 'demo', 'resolution 2797', 'Resolution 2797 (2025)', 'name');
INSERT INTO __SCHEMA__.factname VALUES (114, 'demo', 's res 2797 2025', 'Resolution 2797 (2025)', 'name');
INSERT INTO __SCHEMA__.factname VALUES (115, 'demo', 'unscr 2797', 'Resolution 2797 (2025)', 'name');
INSERT INTO __SCHEMA__.factname VALUES (116, 'demo', 'nasser bourita', 'Nasser Bourita', 'name');
INSERT INTO __SCHEMA__.factname VALUES (117, 'demo', 'nasser', 'Nasser Bourita', 'token');
INSERT INTO __SCHEMA__.factname VALUES (118, 'demo', 'bourita', 'Nasser Bourita', 'token');
INSERT INTO __SCHEMA__.factname VALUES (119, 'demo', 'bourita', 'Nasser Bourita', 'name');
INSERT INTO __SCHEMA__.factname VALUES (120, 'demo', 'naser bourita', 'Nasser Bourita', 'name');
INSERT INTO __SCHEMA__.factname VALUES (121, 'demo', 'naser', 'Nasser Bourita', 'token');
INSERT INTO __SCHEMA__.factname VALUES (122, 'demo', 'minister of foreign affairs', 'Minister of Foreign Affairs', 'office');
INSERT INTO __SCHEMA__.factname VALUES (123, 'demo', 'ministre des affaires etrangeres', 'Minister of Foreign Affairs', 'office');
INSERT INTO __SCHEMA__.factname VALUES (124, 'demo', 'chef de la diplomatie', 'Minister of Foreign Affairs', 'office');
INSERT INTO __SCHEMA__.factname VALUES (125, 'demo', 'ministre des affaires etrangeres de la cooperation africaine et des marocains residant a l etranger', 'Minister of Foreign Affairs', 'office');
INSERT INTO __SCHEMA__.factname VALUES (126, 'demo', 'foreign minister', 'Minister of Foreign Affairs', 'office');
INSERT INTO __SCHEMA__.factname VALUES (127, 'demo', 'foreign affairs minister', 'Minister of Foreign Affairs', 'office');
INSERT INTO __SCHEMA__.factname VALUES (128, 'demo', 'top diplomat', 'Minister of Foreign Affairs', 'office');
INSERT INTO __SCHEMA__.factname VALUES (129, 'demo', 'morocco', 'Morocco', 'name');
INSERT INTO __SCHEMA__.factname VALUES (130, 'demo', 'maroc', 'Morocco', 'name');
INSERT INTO __SCHEMA__.factname VALUES (131, 'demo', 'royaume du maroc', 'Morocco', 'name');
INSERT INTO __SCHEMA__.factname VALUES (132, 'demo', 'kingdom of morocco', 'Morocco', 'name');
INSERT INTO __SCHEMA__.factname VALUES (133, 'demo', 'المغرب', 'Morocco', 'name');
INSERT INTO __SCHEMA__.factname VALUES (134, 'demo', 'marocain', 'Morocco', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (135, 'demo', 'marocaine', 'Morocco', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (136, 'demo', 'marocains', 'Morocco', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (137, 'demo', 'marocaines', 'Morocco', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (138, 'demo', 'moroccan', 'Morocco', 'adjective');
INSERT INTO __SCHEMA__.factname VALUES (139, 'demo', 'sergey lavrov', 'Sergey Lavrov', 'name');
INSERT INTO __SCHEMA__.factname VALUES (140, 'demo', 'sergey', 'Sergey Lavrov', 'token');
INSERT INTO __SCHEMA__.factname VALUES (141, 'demo', 'lavrov', 'Sergey Lavrov', 'token');
INSERT INTO __SCHEMA__.factname VALUES (142, 'demo', 'serguei lavrov', 'Sergey Lavrov', 'name');
INSERT INTO __SCHEMA__.factname VALUES (143, 'demo', 'serguei', 'Sergey Lavrov', 'token');
INSERT INTO __SCHEMA__.factname VALUES (144, 'demo', 'lavrov', 'Sergey Lavrov', 'name');
INSERT INTO __SCHEMA__.factname VALUES (145, 'demo', 'sergei lavrov', 'Sergey Lavrov', 'name');
INSERT INTO __SCHEMA__.factname VALUES (146, 'demo', 'sergei', 'Sergey Lavrov', 'token');
INSERT INTO __SCHEMA__.factname VALUES (147, 'demo', 'сергеи лавров', 'Sergey Lavrov', 'name');
INSERT INTO __SCHEMA__.factname VALUES (148, 'demo', 'сергеи', 'Sergey Lavrov', 'token');
INSERT INTO __SCHEMA__.factname VALUES (149, 'demo', 'лавров', 'Sergey Lavrov', 'token');
INSERT INTO __SCHEMA__.factname VALUES (150, 'demo', 'лавров', 'Sergey Lavrov', 'name');
INSERT INTO __SCHEMA__.factname VALUES (151, 'demo', 'king', 'King', 'office');
INSERT INTO __SCHEMA__.factname VALUES (152, 'demo', 'roi', 'King', 'office');
INSERT INTO __SCHEMA__.factname VALUES (153, 'demo', 'souverain', 'King', 'office');
INSERT INTO __SCHEMA__.factname VALUES (154, 'demo', 'monarque', 'King', 'office');
INSERT INTO __SCHEMA__.factname VALUES (155, 'demo', 'monarch', 'King', 'office');
INSERT INTO __SCHEMA__.factname VALUES (156, 'demo', 'sovereign', 'King', 'office');
INSERT INTO __SCHEMA__.factname VALUES (157, 'demo', 'president', 'President', 'office');
INSERT INTO __SCHEMA__.factname VALUES (158, 'demo', 'presidente', 'President', 'office');
INSERT INTO __SCHEMA__.factname VALUES (159, 'demo', 'chef de l etat', 'President', 'office');
INSERT INTO __SCHEMA__.factname VALUES (160, 'demo', 'head of state', 'President', 'office');


--
-- Data for Name: factpack; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.factpack VALUES ('demo', 'Morocco-Russia relations, UN Security Council presidencies of 2025, MINURSO.', NULL, NULL, NULL, '[]', 22, '2026-12-01 16:30:48.662336+00');


--
-- Data for Name: feeditem; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--



--
-- Data for Name: job; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--



--
-- Data for Name: passage; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.passage VALUES (1, 1, 0, 0, 100, 'Déclarations à la presse, Moscou, 16 octobre 2025 (transcription de travail, écrite pour les tests).', NULL, DEFAULT);
INSERT INTO __SCHEMA__.passage VALUES (2, 1, 1, 115, 269, 'Nous considérons la Russie comme un partenaire proche et cher, un acteur sérieux sur la scène internationale, et surtout un négociateur honnête et fiable.', 'M. BOURITA', DEFAULT);
INSERT INTO __SCHEMA__.passage VALUES (3, 1, 2, 283, 449, 'Nous accordons une attention toute spéciale à ce dialogue, compte tenu de la situation internationale complexe, notamment des événements sensibles en Afrique du Nord.', 'M. LAVROV', DEFAULT);
INSERT INTO __SCHEMA__.passage VALUES (4, 1, 3, 463, 600, 'Nous voulons que ce partenariat soit un modèle de coopération Sud-Nord équilibrée, fondé sur le respect, la complémentarité et la vision.', 'M. LAVROV', DEFAULT);


--
-- Data for Name: precedent; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.precedent VALUES (1, 'fixture', 'p1', 'Nous considérons la Russie comme un partenaire proche et cher, un acteur sérieux sur la scène internationale, et un négociateur honnête et loyal.', 'Bourita et la Russie', 'Mostly true', 'https://example.org/p1', '2025-10-20', NULL, '2026-12-01 16:30:49.042848+00', NULL, NULL, NULL, NULL, DEFAULT);


--
-- Data for Name: review; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.review VALUES (1, 3, 'fatima', 'False', 'Neuf ans, pas huit.', 2, '2026-12-01 16:30:49.424315+00');


--
-- Data for Name: schema_version; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__.schema_version VALUES (9, '2026-12-01 16:30:48.542636+00');


--
-- Data for Name: user; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

INSERT INTO __SCHEMA__."user" VALUES (1, 'fatima', 'fact-checker', NULL, '$argon2id$v=19$m=47104,t=1,p=1$4I5iBqva3tYJf3H59tHsPg$Zp03ugzD+FiBwb0pWc1hqhxCJ20+TCZoAULNlHZnngE', true, '2026-12-01 16:30:49.411832+00');


--
-- Name: apitoken_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.apitoken_id_seq', 1, false);


--
-- Name: auditevent_seq_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.auditevent_seq_seq', 1, false);


--
-- Name: claim_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.claim_id_seq', 16, true);


--
-- Name: document_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.document_id_seq', 2, true);


--
-- Name: evidence_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.evidence_id_seq', 14, true);


--
-- Name: fact_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.fact_id_seq', 22, true);


--
-- Name: factname_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.factname_id_seq', 160, true);


--
-- Name: feeditem_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.feeditem_id_seq', 1, false);


--
-- Name: job_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.job_id_seq', 1, false);


--
-- Name: passage_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.passage_id_seq', 4, true);


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
-- Name: apitoken apitoken_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.apitoken
    ADD CONSTRAINT apitoken_pkey PRIMARY KEY (id);


--
-- Name: apitoken apitoken_secret_sha256_key; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.apitoken
    ADD CONSTRAINT apitoken_secret_sha256_key UNIQUE (secret_sha256);


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
-- Name: factname factname_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.factname
    ADD CONSTRAINT factname_pkey PRIMARY KEY (id);


--
-- Name: factpack factpack_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.factpack
    ADD CONSTRAINT factpack_pkey PRIMARY KEY (name);


--
-- Name: feeditem feeditem_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.feeditem
    ADD CONSTRAINT feeditem_pkey PRIMARY KEY (id);


--
-- Name: job job_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.job
    ADD CONSTRAINT job_pkey PRIMARY KEY (id);


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
-- Name: ix_apitoken_user_id; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_apitoken_user_id ON __SCHEMA__.apitoken USING btree (user_id);


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
-- Name: ix_claim_kind; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_claim_kind ON __SCHEMA__.claim USING btree (kind);


--
-- Name: ix_claim_search_vector; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_claim_search_vector ON __SCHEMA__.claim USING gin (search_vector);


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
-- Name: ix_fact_object; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_fact_object ON __SCHEMA__.fact USING btree (object);


--
-- Name: ix_fact_of_name; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_fact_of_name ON __SCHEMA__.fact USING btree (of_name);


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
-- Name: ix_factname_key; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_factname_key ON __SCHEMA__.factname USING btree (key);


--
-- Name: ix_factname_pack; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_factname_pack ON __SCHEMA__.factname USING btree (pack);


--
-- Name: ix_feeditem_document_id; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_feeditem_document_id ON __SCHEMA__.feeditem USING btree (document_id);


--
-- Name: ix_job_kind; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_job_kind ON __SCHEMA__.job USING btree (kind);


--
-- Name: ix_job_status; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_job_status ON __SCHEMA__.job USING btree (status);


--
-- Name: ix_passage_document_id; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_passage_document_id ON __SCHEMA__.passage USING btree (document_id);


--
-- Name: ix_passage_search_vector; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_passage_search_vector ON __SCHEMA__.passage USING gin (search_vector);


--
-- Name: ix_precedent_collection; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_precedent_collection ON __SCHEMA__.precedent USING btree (collection);


--
-- Name: ix_precedent_search_vector; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX ix_precedent_search_vector ON __SCHEMA__.precedent USING gin (search_vector);


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
-- Name: ux_feeditem_feed_item; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE UNIQUE INDEX ux_feeditem_feed_item ON __SCHEMA__.feeditem USING btree (feed, item);


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
-- Name: apitoken apitoken_user_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.apitoken
    ADD CONSTRAINT apitoken_user_id_fkey FOREIGN KEY (user_id) REFERENCES __SCHEMA__."user"(id);


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
-- Name: feeditem feeditem_document_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.feeditem
    ADD CONSTRAINT feeditem_document_id_fkey FOREIGN KEY (document_id) REFERENCES __SCHEMA__.document(id) ON DELETE SET NULL;


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


