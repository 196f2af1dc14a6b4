//! Reading profiles from `--state` inputs as a stream of records, one profile at a time:
//! a `.json` file (an object, or an array read element by element), a `.jsonl`/`.ndjson`
//! file (one object per line), a directory of those (sorted, not recursive), or `-`
//! (standard input, shape detected). Input is read in large blocks and each profile is a
//! slice of its block: memory holds a few blocks, however large the input or its lines.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::{ErrorKind, ProfileError};
use super::parse::complete_value;
use crate::interrupt::Interruptible;
use crate::message::{Message, Msg};

/// A profile's bytes: a slice of a block shared with the records around it.
#[derive(Debug, Clone)]
pub struct Bytes {
    block: Arc<Vec<u8>>,
    range: std::ops::Range<usize>,
}

impl From<Vec<u8>> for Bytes {
    fn from(v: Vec<u8>) -> Bytes {
        let range = 0..v.len();
        Bytes {
            block: Arc::new(v),
            range,
        }
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.block[self.range.clone()]
    }
}

/// An input read in blocks: a file or standard input, read so that a signal ends it.
pub trait Source: Read + Send {
    /// Reads up to `room` more bytes onto the end of `buf`: fewer only at the end of the
    /// input or at a signal.
    fn fill(&mut self, buf: &mut Vec<u8>, room: usize) -> io::Result<()>;
}

impl<R: Read + AsRawFd + Send> Source for Interruptible<R> {
    fn fill(&mut self, buf: &mut Vec<u8>, room: usize) -> io::Result<()> {
        Interruptible::fill(self, buf, room)
    }
}

/// The input in large blocks. A block is freed with the last record that uses it.
#[derive(Default)]
struct Blocks {
    block: Arc<Vec<u8>>,
    pos: usize,
    eof: bool,
}

const BLOCK: usize = 1 << 20;

impl Blocks {
    /// The bytes read but not yet handed out.
    fn rest(&self) -> &[u8] {
        &self.block[self.pos..]
    }

    /// Reads on: a new block holding the unread bytes, then as much input as fits (at least
    /// twice the unread bytes, so that a very long record is still read in few steps).
    /// False at the end of the input.
    fn refill(&mut self, reader: &mut dyn Source) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        let rest = self.rest();
        let capacity = BLOCK.max(rest.len() * 2);
        let mut next = Vec::with_capacity(capacity);
        next.extend_from_slice(rest);
        let kept = next.len();
        // Read into the spare capacity as it comes, without zeroing it first (a small file
        // then touches a few pages, not a megabyte); until the end of the input, a signal, or
        // a full block.
        reader.fill(&mut next, capacity - kept)?;
        let filled = next.len();
        if filled < capacity {
            self.eof = true;
        }
        self.block = Arc::new(next);
        self.pos = 0;
        Ok(filled > kept)
    }

    /// The next `len` unread bytes as a record (shared, not copied).
    fn take(&mut self, len: usize) -> Bytes {
        let range = self.pos..self.pos + len;
        self.pos = range.end;
        Bytes {
            block: self.block.clone(),
            range,
        }
    }

    /// The offset in `rest()` where `find` first succeeds, reading on until it does. `find`
    /// is given the unread bytes and the offset where the bytes it has not seen yet start.
    /// `None` at the end of the input.
    fn find(
        &mut self,
        reader: &mut dyn Source,
        mut find: impl FnMut(&[u8], usize) -> Option<usize>,
    ) -> io::Result<Option<usize>> {
        let mut from = 0;
        loop {
            if let Some(i) = find(self.rest(), from) {
                return Ok(Some(i));
            }
            from = self.rest().len();
            if !self.refill(reader)? {
                return Ok(None);
            }
        }
    }
}

/// A record's `source`: `path:LINE` or `path#INDEX` (made for every record, so without the
/// formatting machinery).
fn source_at(path: &str, sep: u8, n: u64) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    let mut s = String::with_capacity(path.len() + 1 + digits.len());
    s.push_str(path);
    s.push(char::from(sep));
    s.push_str(digits);
    s
}

/// The first line break at or after `from`.
fn newline(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(b'\n', &bytes[from..]).map(|i| from + i)
}

/// One profile's raw bytes, or why they could not be read, with where they came from.
#[derive(Debug)]
pub struct RawRecord {
    /// `path`, `path:LINE` or `path#INDEX`.
    pub source: String,
    /// The file, for diagnostics (shared by all its records).
    pub path: Arc<str>,
    /// Where `bytes` start in the file (1-based), to place parse errors.
    pub line: u64,
    pub column: u64,
    pub payload: Result<Bytes, ProfileError>,
}

impl RawRecord {
    /// An input that could not be read at all, reported under its own name.
    fn failed(path: &str, error: ProfileError) -> Box<RawRecord> {
        Box::new(RawRecord {
            source: path.to_string(),
            path: path.into(),
            line: 1,
            column: 1,
            payload: Err(error),
        })
    }
}

/// What reading the inputs yields: a profile's record, or a file passed over.
#[derive(Debug)]
pub enum Input {
    Record(RawRecord),
    /// A file that was not read (a FIFO in a directory, say), with why.
    Skipped(Message),
}

enum Shape {
    /// The whole input is one profile.
    Document,
    /// One profile per line.
    Lines,
    /// A JSON array, one profile per element.
    Array,
    /// Not UTF-8 text: one error for the whole input.
    Refused(ProfileError),
}

/// The sources still to read and the one being read.
pub struct Inputs {
    pending: VecDeque<PathBuf>,
    current: Option<Stream>,
    ready: VecDeque<Input>,
}

struct Stream {
    path: Arc<str>,
    reader: Box<dyn Source>,
    blocks: Blocks,
    shape: Shape,
    /// Line and column (1-based, in bytes) of the first unread byte.
    line: u64,
    col: u64,
    /// For arrays: the next element's index, and whether `[` was read.
    index: u64,
    opened: bool,
    done: bool,
    /// Records handed out so far; an input with none is reported.
    produced: u64,
}

const JSON_EXTS: &[&str] = &["json", "jsonl", "ndjson"];

fn ext(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

impl Inputs {
    /// Opens the inputs. Also says whether they hold exactly one profile object, which decides
    /// between a single result and a list of results in JSON output.
    pub fn open(paths: &[PathBuf]) -> (Inputs, bool) {
        let mut inputs = Inputs {
            pending: paths.iter().cloned().collect(),
            current: None,
            ready: VecDeque::new(),
        };
        let single = paths.len() == 1 && inputs.first_is_single();
        (inputs, single)
    }

    /// Opens the first input ahead of time to learn its shape.
    fn first_is_single(&mut self) -> bool {
        let Some(p) = self.pending.front().cloned() else {
            return false;
        };
        if p.is_dir() {
            return false;
        }
        self.pending.pop_front();
        match Stream::open(&p) {
            Ok(stream) => {
                let single = matches!(stream.shape, Shape::Document | Shape::Refused(_));
                self.current = Some(stream);
                single
            }
            Err(rec) => {
                self.ready.push_back(Input::Record(*rec));
                true
            }
        }
    }

    /// Lists a directory's profile files, sorted by name; other kinds of files (FIFOs,
    /// sockets, devices) would block or never end, and are passed over with a warning.
    fn expand_dir(&mut self, dir: &Path) -> Result<(), Box<RawRecord>> {
        let display = dir.display().to_string();
        let failed = |error: ProfileError| RawRecord::failed(&display, error);
        let entries = std::fs::read_dir(dir).map_err(|e| {
            failed(ProfileError::io(
                Message::new(Msg::CannotReadDirectory).with_msg("reason", io_reason(&e)),
            ))
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| !p.is_dir() && ext(p).is_some_and(|e| JSON_EXTS.contains(&e.as_str())))
            .collect();
        files.sort();
        let before = files.len();
        let mut skipped = Vec::new();
        files.retain(|p| {
            // A broken link stays, to be reported when it cannot be opened.
            let special = std::fs::metadata(p).is_ok_and(|m| !m.is_file());
            if special {
                skipped.push(p.display().to_string());
            }
            !special
        });
        if before == 0 {
            return Err(failed(ProfileError::empty(Msg::NoProfilesInDirectory)));
        }
        for s in skipped {
            self.ready.push_back(Input::Skipped(
                Message::new(Msg::SkippedSpecialFile).with("path", s),
            ));
        }
        for f in files.into_iter().rev() {
            self.pending.push_front(f);
        }
        Ok(())
    }
}

/// Why a file could not be read, in the reader's words.
pub fn io_reason(e: &io::Error) -> Message {
    match e.kind() {
        io::ErrorKind::NotFound => Message::new(Msg::ReasonNotFound),
        io::ErrorKind::PermissionDenied => Message::new(Msg::ReasonPermissionDenied),
        io::ErrorKind::InvalidData => Message::new(Msg::ReasonNotUtf8),
        io::ErrorKind::IsADirectory => Message::new(Msg::ReasonIsDirectory),
        io::ErrorKind::StorageFull => Message::new(Msg::ReasonNoSpace),
        _ => Message::verbatim(e.to_string()),
    }
}

fn read_error(e: &io::Error) -> ProfileError {
    ProfileError::io(Message::new(Msg::CannotRead).with_msg("reason", io_reason(e)))
}

/// The text encoding the first bytes show when it is UTF-16 or UTF-32 (JSON text starts with
/// an ASCII character, so a zero byte beside it tells the byte order even without a BOM).
fn wide_encoding(head: &[u8]) -> Option<&'static str> {
    match head {
        [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32LE"),
        [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32BE"),
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        [a, 0, ..] if *a != 0 => Some("UTF-16LE"),
        [0, b, ..] if *b != 0 => Some("UTF-16BE"),
        _ => None,
    }
}

impl Inputs {
    /// Whether the next record is read already, so that taking it waits for no input: a
    /// whole line of a file read in blocks, not one still to come down a slow pipe.
    pub fn next_is_buffered(&self) -> bool {
        if !self.ready.is_empty() {
            return true;
        }
        let Some(s) = &self.current else {
            return false;
        };
        let rest = s.blocks.rest();
        // A line that is not blank, and its end.
        let text = rest.iter().position(|c| !c.is_ascii_whitespace());
        matches!(s.shape, Shape::Lines)
            && !s.done
            && text.is_some_and(|t| memchr::memchr(b'\n', &rest[t..]).is_some())
    }
}

impl Iterator for Inputs {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(r) = self.ready.pop_front() {
                return Some(r);
            }
            if let Some(stream) = &mut self.current {
                if let Some(r) = stream.next_record() {
                    stream.produced += 1;
                    return Some(Input::Record(r));
                }
                let empty = stream.produced == 0;
                let path = stream.path.clone();
                self.current = None;
                if empty {
                    let none = ProfileError::empty(Msg::NoProfiles);
                    return Some(Input::Record(*RawRecord::failed(&path, none)));
                }
            }
            let p = self.pending.pop_front()?;
            if p.is_dir() {
                if let Err(r) = self.expand_dir(&p) {
                    return Some(Input::Record(*r));
                }
                continue;
            }
            match Stream::open(&p) {
                Ok(s) => self.current = Some(s),
                Err(r) => return Some(Input::Record(*r)),
            }
        }
    }
}

impl Stream {
    fn open(p: &Path) -> Result<Stream, Box<RawRecord>> {
        let display = p.display().to_string();
        let fail = |e: ProfileError| RawRecord::failed(&display, e);
        let reader: Box<dyn Source> = if display == "-" {
            Box::new(Interruptible(io::stdin()))
        } else {
            let file = File::open(p).map_err(|e| {
                fail(ProfileError::io(
                    Message::new(Msg::CannotOpen).with_msg("reason", io_reason(&e)),
                ))
            })?;
            Box::new(Interruptible(file))
        };
        let mut stream = Stream {
            path: display.as_str().into(),
            reader,
            blocks: Blocks::default(),
            shape: Shape::Lines,
            line: 1,
            col: 1,
            index: 0,
            opened: false,
            done: false,
            produced: 0,
        };
        let named = ext(p);
        stream.shape = match stream.detect(named.as_deref()) {
            Ok(shape) => shape,
            Err(e) => return Err(fail(read_error(&e))),
        };
        Ok(stream)
    }

    /// Tells a document, JSON lines and an array apart from the start of the input: `.jsonl`
    /// and `.ndjson` are lines; `[` opens an array; `.json` is otherwise a document. Anything
    /// else (standard input, a FIFO) is read per line, like a `.jsonl` file, unless its first
    /// line is the start of a value that goes on (a pretty-printed object) or the whole input.
    fn detect(&mut self, ext: Option<&str>) -> io::Result<Shape> {
        self.blocks.refill(&mut *self.reader)?;
        if let Some(encoding) = wide_encoding(self.blocks.rest()) {
            let message = Message::new(Msg::WrongEncoding).with("encoding", encoding);
            return Ok(Shape::Refused(
                ProfileError::new(ErrorKind::Syntax, message).at(1, 1),
            ));
        }
        if let Some(b"\xEF\xBB\xBF") = self.blocks.rest().get(..3) {
            self.blocks.pos += 3;
        }
        if matches!(ext, Some("jsonl" | "ndjson")) {
            return Ok(Shape::Lines);
        }
        let json_file = ext == Some("json");
        match self.skip_ws()? {
            None if json_file => return Ok(Shape::Document),
            None => return Ok(Shape::Lines),
            Some(b'[') => return Ok(Shape::Array),
            Some(_) if json_file => return Ok(Shape::Document),
            Some(_) => {}
        }
        let Some(end) = self.blocks.find(&mut *self.reader, newline)? else {
            return Ok(Shape::Document); // One line, and nothing after it.
        };
        let first_is_whole = match complete_value(&self.blocks.rest()[..end]) {
            Ok(()) => true,
            Err(e) => !e.is_eof(),
        };
        if !first_is_whole {
            return Ok(Shape::Document);
        }
        let more = self
            .blocks
            .find(&mut *self.reader, |b, from| {
                let from = from.max(end + 1);
                b[from..].iter().position(|c| !c.is_ascii_whitespace())
            })?
            .is_some();
        Ok(if more { Shape::Lines } else { Shape::Document })
    }

    /// Skips white space, keeping count of lines and columns; the next byte, if any.
    fn skip_ws(&mut self) -> io::Result<Option<u8>> {
        loop {
            let rest = self.blocks.rest();
            let n = rest
                .iter()
                .position(|c| !c.is_ascii_whitespace())
                .unwrap_or(rest.len());
            self.advance(n);
            if let Some(&b) = self.blocks.rest().first() {
                return Ok(Some(b));
            }
            if !self.blocks.refill(&mut *self.reader)? {
                return Ok(None);
            }
        }
    }

    /// Moves past `n` unread bytes, keeping count of lines and columns.
    fn advance(&mut self, n: usize) {
        let bytes = &self.blocks.rest()[..n];
        match memchr::memrchr(b'\n', bytes) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', bytes).count() as u64;
                self.col = (n - last) as u64;
            }
            None => self.col += n as u64,
        }
        self.blocks.pos += n;
    }

    fn record(
        &self,
        source: String,
        line: u64,
        column: u64,
        payload: Result<Bytes, ProfileError>,
    ) -> RawRecord {
        RawRecord {
            source,
            path: self.path.clone(),
            line,
            column,
            payload,
        }
    }

    fn next_record(&mut self) -> Option<RawRecord> {
        if self.done {
            return None;
        }
        match &self.shape {
            Shape::Refused(e) => {
                self.done = true;
                Some(self.record(self.path.to_string(), 1, 1, Err(e.clone())))
            }
            Shape::Document => {
                self.done = true;
                let (line, col) = (self.line, self.col);
                let payload = self.read_to_end().map_err(|e| read_error(&e));
                let payload = payload.and_then(|b| match b.iter().all(u8::is_ascii_whitespace) {
                    true => Err(ProfileError::empty(Msg::EmptyDocument)),
                    false => Ok(b),
                });
                Some(self.record(self.path.to_string(), line, col, payload))
            }
            Shape::Lines => self.next_line(),
            Shape::Array => match self.next_element() {
                Ok(r) => r,
                Err(e) => {
                    self.done = true;
                    let source = source_at(&self.path, b'#', self.index);
                    Some(self.record(source, self.line, self.col, Err(read_error(&e))))
                }
            },
        }
    }

    fn read_to_end(&mut self) -> io::Result<Bytes> {
        let mut all = self.blocks.rest().to_vec();
        self.blocks.pos = self.blocks.block.len();
        // A terminal reads on after an end of input (Ctrl-D): ask only once.
        if !self.blocks.eof {
            self.reader.read_to_end(&mut all)?;
            self.blocks.eof = true;
        }
        Ok(all.into())
    }

    /// The next line that is not blank, without its line break.
    fn next_line(&mut self) -> Option<RawRecord> {
        loop {
            let found = self.blocks.find(&mut *self.reader, newline);
            let (len, next) = match found {
                Ok(Some(n)) => (n, n + 1),
                Ok(None) if self.blocks.rest().is_empty() => {
                    self.done = true;
                    return None;
                }
                Ok(None) => (self.blocks.rest().len(), self.blocks.rest().len()),
                Err(e) => {
                    self.done = true;
                    let source = source_at(&self.path, b':', self.line);
                    return Some(self.record(source, self.line, 1, Err(read_error(&e))));
                }
            };
            let (line_no, column) = (self.line, self.col);
            let text = &self.blocks.rest()[..len];
            let blank = text.iter().all(u8::is_ascii_whitespace);
            let len = if text.ends_with(b"\r") { len - 1 } else { len };
            let bytes = self.blocks.take(len);
            self.blocks.pos += next - len;
            self.line += 1;
            self.col = 1;
            if !blank {
                let source = source_at(&self.path, b':', line_no);
                return Some(self.record(source, line_no, column, Ok(bytes)));
            }
        }
    }

    /// An error of the array's own syntax, at the current position; the input ends here.
    fn list_error(&mut self, id: Msg) -> Option<RawRecord> {
        self.done = true;
        let source = source_at(&self.path, b'#', self.index);
        let err = ProfileError::new(ErrorKind::Syntax, Message::new(id)).at(self.line, self.col);
        Some(self.record(source, self.line, self.col, Err(err)))
    }

    /// The next element of a top-level array, as a slice of its block, with the line and
    /// column it starts at.
    fn next_element(&mut self) -> io::Result<Option<RawRecord>> {
        if !self.opened {
            self.opened = true;
            match self.skip_ws()? {
                Some(b'[') => self.advance(1),
                _ => return Ok(self.list_error(Msg::ListOpen)),
            }
        }
        match self.skip_ws()? {
            None => return Ok(self.list_error(Msg::ListUnclosed)),
            Some(b']') => {
                self.advance(1);
                self.done = true;
                return Ok(match self.skip_ws()? {
                    Some(_) => self.list_error(Msg::ListTrailingText),
                    None => None,
                });
            }
            Some(b',') if self.index > 0 => {
                self.advance(1);
                if let Some(b']') | None = self.skip_ws()? {
                    return Ok(self.list_error(Msg::ListTrailingComma));
                }
            }
            _ => {}
        }
        let (line, column) = (self.line, self.col);
        let mut scan = ElementEnd::default();
        let end = self.blocks.find(&mut *self.reader, |b, from| {
            scan.find(&b[from..]).map(|i| from + i)
        })?;
        let end = end.unwrap_or(self.blocks.rest().len());
        let rest = self.blocks.rest();
        let len = rest[..end]
            .iter()
            .rposition(|c| !c.is_ascii_whitespace())
            .map_or(0, |i| i + 1);
        let bytes = Bytes {
            block: self.blocks.block.clone(),
            range: self.blocks.pos..self.blocks.pos + len,
        };
        self.advance(end);
        let source = source_at(&self.path, b'#', self.index);
        self.index += 1;
        Ok(Some(self.record(source, line, column, Ok(bytes))))
    }
}

/// Finds where an array element ends (a `,` or `]` outside strings and brackets), in pieces:
/// the state carries over from one piece to the next.
#[derive(Default)]
struct ElementEnd {
    depth: usize,
    in_str: bool,
    escaped: bool,
}

impl ElementEnd {
    fn find(&mut self, bytes: &[u8]) -> Option<usize> {
        for (i, &b) in bytes.iter().enumerate() {
            if self.in_str {
                match (self.escaped, b) {
                    (true, _) => self.escaped = false,
                    (false, b'\\') => self.escaped = true,
                    (false, b'"') => self.in_str = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => self.in_str = true,
                b'{' | b'[' => self.depth += 1,
                b',' | b']' if self.depth == 0 => return Some(i),
                b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        None
    }
}
