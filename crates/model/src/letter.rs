//! The letter as a reader sees it: what `parse` produces.
//!
//! Field documentation names the official vocabulary where one exists: the Tweede Kamer open
//! data (`Document.Onderwerp`, `DocumentActor`, …) and the official XML of
//! officielebekendmakingen.nl (`al`, `lijst/li`, `noot`, `ondertekening`, …).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Rect};

/// What `parse` returns, and the JSON contract of `kamerbrief parse`: the letter's fields
/// with the diagnostics of extraction and parsing beside them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Parsed {
    #[serde(flatten)]
    pub letter: Letter,
    /// Problems met while reading the PDF and parsing the letter.
    pub diagnostics: Vec<Diagnostic>,
}

/// A parsed letter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Letter {
    pub metadata: Metadata,
    /// The salutation (`Geachte voorzitter,`).
    pub salutation: Option<Block>,
    /// The body in reading order. The first section has no heading when the letter opens
    /// with untitled text. (XML: `divisie`, `tussenkop`.)
    pub sections: Vec<Section>,
    /// The closing formula (`Hoogachtend,`), when the letter has one.
    pub closing: Option<Block>,
    /// Who signed, in order. (Open data: `DocumentActor`; XML: `ondertekening`.)
    pub signatories: Vec<Signatory>,
    /// What the letter prints after its signature (an annex: `Bijlage: …`), read like the
    /// body; not part of the letter body. (XML: `bijlage`.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendix: Vec<Section>,
    /// Footnotes, in order of their markers. (XML: `noot`.)
    pub footnotes: Vec<Footnote>,
    /// References to other parliamentary documents, in order of appearance.
    /// (XML: `extref[@soort=document]`, `dossierref`.)
    pub references: Vec<Reference>,
    /// Dates mentioned in the body, in order of appearance.
    pub dates: Vec<DateMention>,
    /// The advisory body whose report the letter answers, when it answers one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advisory_body: Option<AdvisoryBody>,
    /// The advisory body's recommendations, each paired with the cabinet's response.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// What the official publication of the paper states about itself (the Tweede Kamer's
    /// typeset edition: masthead, colophon), when the PDF is that publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
    /// What the first page of answers to parliamentary questions (Kamervragen) states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kamervragen: Option<Kamervragen>,
    /// Parliamentary questions and their answers, when the document has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
}

/// What the letterhead, the addressee block and the reference column say.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Metadata {
    /// The letter's date, ISO 8601 (`2021-04-07`). (Open data: `Document.Datum`.)
    pub date: Option<String>,
    /// Where the letter was written, from a place-and-date line (`Den Haag, 7 april 2021`);
    /// letters that date themselves in a labelled field name no place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The subject (`Betreft`, older `Onderwerp`). (Open data: `Document.Onderwerp`.)
    pub subject: Option<String>,
    /// The sending organisation (first line of the reference column or letterhead).
    pub sender: Option<String>,
    /// The sender's own reference (`Ons kenmerk`). (Open data: `Document.KenmerkAfzender`.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_reference: Option<String>,
    /// Lines above the salutation that are neither return address, addressee nor a
    /// label/value line: the letterhead (the sender's word mark) and the like.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub letterhead: Vec<String>,
    /// The return address above the addressee, without its `> Retouradres` label.
    pub return_address: Option<String>,
    /// The addressee block, line by line.
    pub addressee: Vec<String>,
    /// The reference column (referentiekolom) as ordered label/value pairs; lines without
    /// a label (the sender's address) have `label: null`.
    pub reference_column: Vec<ReferenceField>,
    pub pages: u32,
}

/// One entry of the reference column.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReferenceField {
    /// The label as printed (`Datum`, `Ons kenmerk`), `None` for unlabelled lines.
    pub label: Option<String>,
    /// The label recognised, or `other`.
    pub key: FieldKey,
    pub value: String,
    pub page: u32,
    /// Where the label and value stand.
    pub bbox: Rect,
}

/// Known labels of the reference column. New ones may be added; unknown labels are `Other`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FieldKey {
    /// An unlabelled line: the sender's name or address.
    Sender,
    Date,
    /// `Betreft` or `Onderwerp`.
    Subject,
    /// `Ons kenmerk`, `Onze referentie`, `Kenmerk`.
    OurReference,
    /// `Uw kenmerk`, `Uw referentie`, `Uw brief`.
    YourReference,
    /// `Bijlage(n)`, `Bijlagen`.
    Attachments,
    ContactPerson,
    /// `Bezoekadres`, `Postadres`.
    Address,
    /// `Pagina 2 van 11`.
    Page,
    #[default]
    Other,
}

/// Where a block is on the page: its page and box.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    pub page: u32,
    pub bbox: Rect,
}

/// A titled part of the body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// `None` for the untitled opening. (XML: `tussenkop`, `kop/titel`.)
    pub heading: Option<Heading>,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Heading {
    /// The heading without its number.
    pub text: String,
    /// `1.`, `2.1`: the number as printed, when the heading is numbered. (XML: `kop/nr`.)
    pub number: Option<String>,
    /// 1 for top-level headings, 2 for `1.1`, ….
    pub level: u8,
    pub page: u32,
    pub bbox: Rect,
}

/// A paragraph, a list, a quotation: one unit of the body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Block {
    pub kind: BlockKind,
    /// The text as a reader reads it: lines joined, typesetter hyphens removed, footnote
    /// markers left out (see [`Footnote::anchor`]). For a list, its items' labels and texts.
    pub text: String,
    /// First page and box of the block.
    pub page: u32,
    pub bbox: Rect,
    /// Every page part of the block, in order: more than one when it crosses a page or column.
    pub parts: Vec<Provenance>,
    /// A list's items; a paragraph's inline enumeration (`1. …; 2. …`) when it has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ListItem>,
    /// A table's rows, top to bottom, each its cells left to right (a cell set over two
    /// lines gives two rows). (XML: `tgroup/row/entry`.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Vec<String>>,
}

/// What a [`Block`] is. Unknown kinds must be kept by consumers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// (XML: `al`.)
    #[default]
    Paragraph,
    /// A numbered or bulleted list. (XML: `lijst`.)
    List,
    /// The salutation (`Geachte voorzitter,`).
    Salutation,
    /// The closing formula (`Hoogachtend,`).
    Closing,
    /// A table: cells side by side on shared baselines. (XML: `tabel`.)
    Table,
}

/// An item of a list or of an inline enumeration. (XML: `li`, `li.nr`.)
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListItem {
    /// `1.`, `a)`, `•`.
    pub label: String,
    pub text: String,
    pub page: u32,
}

/// Someone who signed the letter. (Open data: `DocumentActor` with `Functie` and
/// `ActorNaam`; XML: `ondertekening`.)
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Signatory {
    /// `De Minister van Buitenlandse Zaken`, without the comma that may follow. (`Functie`.)
    pub role: String,
    /// The role line(s) as printed, joined (`De Minister van Buitenlandse Zaken,`).
    pub printed_role: String,
    /// `Stef Blok`. (`ActorNaam`.)
    pub name: Option<String>,
    pub page: u32,
    pub bbox: Rect,
}

/// A footnote. (XML: `noot`, `noot.nr`, `noot.al`.)
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Footnote {
    /// The marker as printed (`1`, `*`).
    pub marker: String,
    pub text: String,
    pub page: u32,
    pub bbox: Rect,
    /// Where the marker stands in the body, when it was found.
    pub anchor: Option<Anchor>,
}

/// A place in the body text: a block of a section and a character offset in its `text`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Anchor {
    pub section: usize,
    pub block: usize,
    /// Offset in characters (Unicode scalar values) into the block's `text`.
    pub offset: usize,
    /// The section is one of [`Letter::appendix`], not of the body.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub appendix: bool,
}

/// A reference to another parliamentary document, as a structured key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reference {
    pub kind: ReferenceKind,
    /// The citation as printed (`Kamerstuk 35 373, nr. 1`).
    pub text: String,
    /// Dossier number without spaces (`35373`). (Open data: `Kamerstukdossier.Nummer`.)
    pub dossier: Option<String>,
    /// Dossier suffix (`02`, `XVI`). (Open data: `Kamerstukdossier.Toevoeging`.)
    pub suffix: Option<String>,
    /// Number within the dossier (`1`). (Open data: `Document.Volgnummer`; XML: `ondernummer`.)
    pub number: Option<u32>,
    /// Session year when cited (`2009-2010`). (Open data: `Document.Vergaderjaar`.)
    pub session_year: Option<String>,
    /// The official id (`kst-35373-1`, `ah-tk-20242025-1028`). (XML: `DC.identifier`.)
    pub id: Option<String>,
    pub anchor: Anchor,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReferenceKind {
    /// A Kamerstuk: dossier, optional suffix, number.
    #[default]
    Kamerstuk,
    /// Aanhangsel Handelingen: answers to parliamentary questions.
    Aanhangsel,
}

/// A date named in the body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// As printed (`25 november 2020`, `juli 2019`).
    pub text: String,
    /// ISO 8601: `2020-11-25`, or `2019-07` when only month and year are given.
    pub date: String,
    pub anchor: Anchor,
}

/// The advisory body whose report the letter answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AdvisoryBody {
    /// How the letter refers to it (`de reflectiegroep`).
    pub name: String,
    /// The report's title where the letter states it.
    pub report: Option<String>,
}

/// One recommendation (or finding) of the advisory body, with the cabinet's response.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Recommendation {
    /// `r1`, `r2`, … in order of appearance.
    pub id: String,
    /// Index of the section it appears in, and that section's heading.
    pub section: usize,
    pub section_heading: Option<String>,
    /// A short topic: the key words of the advisory sentences.
    pub topic: String,
    /// The sentences that report what the advisory body finds or recommends.
    pub advice: Vec<Sentence>,
    /// The sentences in which the cabinet responds.
    pub response: Vec<Sentence>,
    pub stance: Stance,
    /// The sentence and the cue that decided the stance; several for `partly`.
    pub evidence: Vec<Evidence>,
}

/// A sentence of the body, traceable to its block.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Sentence {
    pub text: String,
    pub anchor: Anchor,
}

/// The cabinet's position on a recommendation; the naming follows the Kamer's motion
/// verdicts in spirit (`Overgenomen`, `Ontraden`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Stance {
    Agrees,
    /// Agrees with a part, rejects or defers another.
    Partly,
    /// Will examine, consider or come back to it.
    Examines,
    Disagrees,
    /// Takes note without a position.
    Notes,
    /// The letter gives no response.
    #[default]
    None,
}

/// Why a stance was chosen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    pub stance: Stance,
    /// The cue phrase as it stands in the sentence.
    pub cue: String,
    pub sentence: String,
}

/// What the official publication of a parliamentary paper states about itself: its
/// masthead and colophon. Names in brackets are the Tweede Kamer open data's
/// (`gegevensmagazijn.tweedekamer.nl`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Publication {
    /// The publication's identifier (`kst-28676-360`, `ah-tk-20232024-2210`), from the
    /// colophon. (officielebekendmakingen.nl: the document's identifier.)
    pub id: Option<Stated>,
    /// `Tweede Kamer der Staten-Generaal` or `Eerste Kamer der Staten-Generaal`.
    pub chamber: Option<Stated>,
    /// What kind of paper it is. (`Document.Soort`.)
    pub kind: PaperKind,
    /// The session year, `2020-2021` (printed `Vergaderjaar 2020–2021`). (`Vergaderjaar`.)
    pub session_year: Option<Stated>,
    /// The dossier number without spaces (`28676`; printed `28 676`), with its suffix when it
    /// has one (`36410-XVI`). (`Kamerstukdossier.Nummer`, `.Toevoeging`.)
    pub dossier: Option<Stated>,
    /// The dossier's title (`NAVO`). (`Kamerstukdossier.Titel`.)
    pub dossier_title: Option<Stated>,
    /// The number within the dossier (`360`; printed `Nr. 360`), or the Aanhangsel number.
    /// (`Document.Volgnummer`.)
    pub number: Option<Stated>,
    /// The document's title as printed (`BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN
    /// VAN DEFENSIE`, `MOTIE VAN HET LID JANSEN C.S.`). (`Document.Titel`.)
    pub title: Option<Stated>,
    /// The date the paper states, ISO 8601, and what it dates. (`Document.Datum`.)
    pub date: Option<Stated>,
    pub date_kind: Option<DateKind>,
    /// The members who submitted a motie or amendement, as printed under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// A value the page states: normalised (`value`), as printed, and where.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stated {
    pub value: String,
    pub printed: String,
    pub page: u32,
    pub bbox: Rect,
}

/// Kinds of parliamentary paper, by the document title's opening words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PaperKind {
    /// `BRIEF VAN …` (`Brief regering`).
    Letter,
    /// `MOTIE VAN …` (`Motie`).
    Motie,
    /// `AMENDEMENT VAN …` (`Amendement`).
    Amendement,
    /// `Aanhangsel van de Handelingen`: answers to written questions
    /// (`Antwoord schriftelijke vragen`).
    Answers,
    /// `VERSLAG …` (`Verslag`).
    Report,
    /// `LIJST VAN VRAGEN EN ANTWOORDEN` (`Lijst van vragen en antwoorden`).
    QuestionList,
    /// `VOORSTEL VAN WET` (`Voorstel van wet`).
    Bill,
    /// `MEMORIE VAN TOELICHTING`, `MEMORIE VAN ANTWOORD`, `NOTA …` (`Memorie van toelichting`,
    /// `Nota naar aanleiding van het verslag`).
    Memorandum,
    #[default]
    Other,
}

/// What a publication's date dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateKind {
    /// `Den Haag, 7 april 2021`: the day the letter was signed.
    Signed,
    /// `Voorgesteld 15 april 2021`: a motie's day.
    Proposed,
    /// `Ontvangen 3 juni 2021`, `(ontvangen 23 juli 2024)`: the day the Kamer received it.
    Received,
    /// `Vastgesteld …`: the day a report or list was adopted.
    Established,
}

/// The facts of a set of parliamentary questions (Kamervragen) and their answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Kamervragen {
    /// The Aanhangsel van de Handelingen number (`2210`).
    pub aanhangsel: Option<u32>,
    /// Who asked (`het lid Erkens (VVD)`).
    pub asked_by: Option<String>,
    /// To whom (`de Minister van Klimaat en Groene Groei`).
    pub addressed_to: Option<String>,
    /// What about.
    pub subject: Option<String>,
    /// Date the questions were submitted (`ingezonden`), ISO 8601.
    pub submitted: Option<String>,
    /// Who answered (`Minister Hermans (Klimaat en Groene Groei)`).
    pub answered_by: Option<String>,
    /// Date the answer was received (`ontvangen`), ISO 8601.
    pub received: Option<String>,
    /// A notice of delay (`Mededeling`): the questions are not answered yet.
    pub notice: Option<String>,
}

/// A parliamentary question with its answer (Kamervragen).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Question {
    pub number: u32,
    pub text: String,
    /// The answer, `None` when there is none (yet).
    pub answer: Option<String>,
    /// The numbers of all questions the answer serves (`Antwoord 10 en 11`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answered_with: Vec<u32>,
    /// The question whose answer this one points to (`Zie antwoord vraag 3`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<u32>,
    pub page: u32,
}
