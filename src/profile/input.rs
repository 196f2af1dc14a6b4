//! Reading profiles from `--state` inputs as a stream of records, one profile at a time:
//! a `.json` file (an object, or an array read element by element), a `.jsonl`/`.ndjson`
//! file (one object per line), a directory of those (sorted, not recursive), or `-`
//! (standard input, shape detected). Nothing is held in memory beyond one record.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::ProfileError;
use super::parse::complete_value;

/// A profile's bytes: a whole buffer, or a slice of a block shared with the lines around it.
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

/// JSON lines read in large blocks: each line is a slice of a shared block, so reading a line
/// costs no allocation or copy. A block is freed with the last line that uses it.
#[derive(Default)]
struct Blocks {
    block: Arc<Vec<u8>>,
    pos: usize,
    eof: bool,
}

const BLOCK: usize = 1 << 20;

impl Blocks {
    /// The next line, newline included; `None` at the end of the input.
    fn next_line(&mut self, reader: &mut dyn Read) -> io::Result<Option<Bytes>> {
        loop {
            let rest = &self.block[self.pos..];
            if let Some(n) = memchr::memchr(b'\n', rest) {
                let range = self.pos..self.pos + n + 1;
                self.pos = range.end;
                return Ok(Some(Bytes {
                    block: self.block.clone(),
                    range,
                }));
            }
            if self.eof {
                if rest.is_empty() {
                    return Ok(None);
                }
                let range = self.pos..self.block.len();
                self.pos = range.end;
                return Ok(Some(Bytes {
                    block: self.block.clone(),
                    range,
                }));
            }
            // A new block: the unfinished line, then as much input as fits (at least twice the
            // unfinished line, so that a very long line is still read in few steps).
            let capacity = BLOCK.max(rest.len() * 2);
            let mut next = Vec::with_capacity(capacity);
            next.extend_from_slice(rest);
            let mut filled = next.len();
            next.resize(capacity, 0);
            while filled < capacity {
                match reader.read(&mut next[filled..]) {
                    Ok(0) => {
                        self.eof = true;
                        break;
                    }
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
            next.truncate(filled);
            self.block = Arc::new(next);
            self.pos = 0;
        }
    }
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

type Reader = Box<dyn BufRead + Send>;

enum Shape {
    /// The whole input is one profile.
    Document,
    /// One profile per line.
    Lines,
    /// A JSON array, one profile per element.
    Array,
}

/// The sources still to read and the one being read.
pub struct Inputs {
    pending: VecDeque<PathBuf>,
    current: Option<Stream>,
    ready: VecDeque<RawRecord>,
}

struct Stream {
    path: Arc<str>,
    reader: Reader,
    shape: Shape,
    line: u64,
    index: u64,
    /// For arrays: position of the reader in the file.
    col: u64,
    done: bool,
    /// Records handed out so far; an input with none is reported.
    produced: u64,
    /// For JSON lines: the blocks lines are cut from.
    blocks: Blocks,
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
        match self.open_path(&p) {
            Ok(stream) => {
                let single = matches!(stream.shape, Shape::Document);
                self.current = Some(stream);
                single
            }
            Err(rec) => {
                self.ready.push_back(*rec);
                true
            }
        }
    }

    fn open_path(&mut self, p: &Path) -> Result<Stream, Box<RawRecord>> {
        let display = p.display().to_string();
        let fail = |e: String| {
            Box::new(RawRecord {
                source: display.clone(),
                path: display.as_str().into(),
                line: 1,
                column: 1,
                payload: Err(ProfileError::io(e)),
            })
        };
        let reader: Reader = if display == "-" {
            Box::new(BufReader::with_capacity(1 << 16, io::stdin()))
        } else {
            let file = File::open(p).map_err(|e| fail(format!("cannot open: {}", io_text(&e))))?;
            Box::new(BufReader::with_capacity(1 << 16, file))
        };
        let named = ext(p);
        let shape_hint = match named.as_deref() {
            Some("jsonl" | "ndjson") => Some(Shape::Lines),
            _ => None,
        };
        let (reader, shape) = match shape_hint {
            Some(s) => (reader, s),
            None => {
                detect(reader, named.as_deref() == Some("json")).map_err(|e| fail(io_text(&e)))?
            }
        };
        Ok(Stream {
            path: display.into(),
            reader,
            shape,
            line: 0,
            index: 0,
            col: 1,
            done: false,
            produced: 0,
            blocks: Blocks::default(),
        })
    }

    /// Lists a directory's profile files, sorted by name.
    fn expand_dir(&mut self, dir: &Path) -> Result<(), Box<RawRecord>> {
        let display = dir.display().to_string();
        let entries = std::fs::read_dir(dir).map_err(|e| {
            Box::new(RawRecord {
                source: display.clone(),
                path: display.as_str().into(),
                line: 1,
                column: 1,
                payload: Err(ProfileError::io(format!(
                    "cannot read directory: {}",
                    io_text(&e)
                ))),
            })
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| !p.is_dir() && ext(p).is_some_and(|e| JSON_EXTS.contains(&e.as_str())))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Box::new(RawRecord {
                source: display.clone(),
                path: display.into(),
                line: 1,
                column: 1,
                payload: Err(ProfileError::empty(
                    "no profiles: the directory has no .json, .jsonl or .ndjson file",
                )),
            }));
        }
        for f in files.into_iter().rev() {
            self.pending.push_front(f);
        }
        Ok(())
    }
}

pub fn io_text(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::InvalidData => "not valid UTF-8 text".into(),
        _ => e.to_string(),
    }
}

/// Peeks at the start of a stream to tell a document, JSON lines and an array apart.
fn detect(mut reader: Reader, json_file: bool) -> io::Result<(Reader, Shape)> {
    let mut head = Vec::new();
    // Skip a byte-order mark and blank lines, keeping them so line numbers stay right.
    loop {
        let before = head.len();
        if reader.read_until(b'\n', &mut head)? == 0 {
            break;
        }
        let line = &head[before..];
        let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        if !line.iter().all(u8::is_ascii_whitespace) {
            let first = line.iter().find(|b| !b.is_ascii_whitespace()).copied();
            let shape = match first {
                Some(b'[') => Shape::Array,
                _ if json_file => Shape::Document,
                Some(b'{') => match complete_value(line) {
                    Ok(()) => Shape::Lines,
                    Err(e) if e.is_eof() => Shape::Document,
                    Err(_) => Shape::Lines,
                },
                _ => Shape::Document,
            };
            // JSON lines with a single line are a single document.
            let shape = match shape {
                Shape::Lines => {
                    let mut rest = Vec::new();
                    loop {
                        let b = rest.len();
                        if reader.read_until(b'\n', &mut rest)? == 0 {
                            break;
                        }
                        if !rest[b..].iter().all(u8::is_ascii_whitespace) {
                            break;
                        }
                    }
                    let more = !rest.iter().all(u8::is_ascii_whitespace);
                    head.extend_from_slice(&rest);
                    if more {
                        Shape::Lines
                    } else {
                        Shape::Document
                    }
                }
                s => s,
            };
            return Ok((Box::new(Cursor::new(head).chain(reader)), shape));
        }
    }
    Ok((
        Box::new(Cursor::new(head).chain(reader)),
        if json_file {
            Shape::Document
        } else {
            Shape::Lines
        },
    ))
}

impl Iterator for Inputs {
    type Item = RawRecord;

    fn next(&mut self) -> Option<RawRecord> {
        loop {
            if let Some(r) = self.ready.pop_front() {
                return Some(r);
            }
            if let Some(stream) = &mut self.current {
                if let Some(r) = stream.next_record() {
                    stream.produced += 1;
                    return Some(r);
                }
                let empty = stream.produced == 0;
                let path = stream.path.clone();
                self.current = None;
                if empty {
                    return Some(RawRecord {
                        source: path.to_string(),
                        path,
                        line: 1,
                        column: 1,
                        payload: Err(ProfileError::empty("no profiles: the input holds none")),
                    });
                }
            }
            let p = self.pending.pop_front()?;
            if p.is_dir() {
                if let Err(r) = self.expand_dir(&p) {
                    return Some(*r);
                }
                continue;
            }
            match self.open_path(&p) {
                Ok(s) => self.current = Some(s),
                Err(r) => return Some(*r),
            }
        }
    }
}

impl Stream {
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
        match self.shape {
            Shape::Document => {
                self.done = true;
                let mut buf = Vec::new();
                let payload = match self.reader.read_to_end(&mut buf) {
                    Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => Err(ProfileError::empty(
                        "empty input: expected a profile object",
                    )),
                    Ok(_) => Ok(buf.into()),
                    Err(e) => Err(ProfileError::io(io_text(&e))),
                };
                Some(self.record(self.path.to_string(), 1, 1, payload))
            }
            Shape::Lines => loop {
                match self.blocks.next_line(&mut self.reader) {
                    Ok(None) => {
                        self.done = true;
                        return None;
                    }
                    Ok(Some(line)) => {
                        self.line += 1;
                        if line.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        let source = format!("{}:{}", self.path, self.line);
                        return Some(self.record(source, self.line, 1, Ok(line)));
                    }
                    Err(e) => {
                        self.done = true;
                        let source = format!("{}:{}", self.path, self.line + 1);
                        return Some(self.record(
                            source,
                            self.line + 1,
                            1,
                            Err(ProfileError::io(io_text(&e))),
                        ));
                    }
                }
            },
            Shape::Array => self.next_element(),
        }
    }

    fn byte(&mut self) -> io::Result<Option<u8>> {
        let buf = self.reader.fill_buf()?;
        let Some(&b) = buf.first() else {
            return Ok(None);
        };
        self.reader.consume(1);
        if b == b'\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Ok(Some(b))
    }

    fn peek(&mut self) -> io::Result<Option<u8>> {
        Ok(self.reader.fill_buf()?.first().copied())
    }

    /// Reads the next element of a top-level array, tracking strings and nesting so that
    /// each element is handed on alone, with the line and column it starts at.
    fn next_element(&mut self) -> Option<RawRecord> {
        match self.scan_element() {
            Ok(r) => r,
            Err(e) => {
                self.done = true;
                let source = format!("{}#{}", self.path, self.index);
                Some(self.record(
                    source,
                    self.line.max(1),
                    self.col,
                    Err(ProfileError::io(io_text(&e))),
                ))
            }
        }
    }

    fn fail(&mut self, message: &str) -> Option<RawRecord> {
        self.done = true;
        let source = format!("{}#{}", self.path, self.index);
        let mut err = ProfileError::io(message);
        err.kind = super::error::ErrorKind::Syntax;
        err.line = Some(self.line.max(1));
        err.column = Some(self.col);
        Some(self.record(source, 1, 1, Err(err)))
    }

    fn skip_ws(&mut self) -> io::Result<Option<u8>> {
        while let Some(b) = self.peek()? {
            if b.is_ascii_whitespace() || (self.line <= 1 && self.col == 1 && b == 0xEF) {
                if b == 0xEF {
                    // A byte-order mark at the very start.
                    for _ in 0..3 {
                        self.byte()?;
                    }
                    self.col = 1;
                    continue;
                }
                self.byte()?;
            } else {
                return Ok(Some(b));
            }
        }
        Ok(None)
    }

    fn scan_element(&mut self) -> io::Result<Option<RawRecord>> {
        if self.line == 0 {
            self.line = 1;
        }
        if self.index == 0 && self.col == 1 && self.line == 1 {
            match self.skip_ws()? {
                Some(b'[') => {
                    self.byte()?;
                }
                _ => return Ok(self.fail("expected `[` to open the list of profiles")),
            }
        }
        match self.skip_ws()? {
            None => {
                return Ok(self.fail("end of input inside the list of profiles: `]` is missing"))
            }
            Some(b']') => {
                self.byte()?;
                self.done = true;
                return Ok(match self.skip_ws()? {
                    Some(_) => self.fail("unexpected text after the end of the list"),
                    None => None,
                });
            }
            Some(b',') if self.index > 0 => {
                self.byte()?;
                if let Some(b']') | None = self.skip_ws()? {
                    return Ok(self.fail("trailing comma at the end of the list"));
                }
            }
            _ => {}
        }
        let (line, column) = (self.line, self.col);
        let mut buf = Vec::new();
        let (mut depth, mut in_str, mut escaped) = (0usize, false, false);
        while let Some(b) = self.peek()? {
            if !in_str && depth == 0 && (b == b',' || b == b']') {
                break;
            }
            self.byte()?;
            buf.push(b);
            if in_str {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_str = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_str = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        let source = format!("{}#{}", self.path, self.index);
        self.index += 1;
        Ok(Some(self.record(source, line, column, Ok(buf.into()))))
    }
}
