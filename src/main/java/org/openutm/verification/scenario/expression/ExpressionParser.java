package org.openutm.verification.scenario.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openutm.verification.scenario.expression.Expr.Segment;

/**
 * Recursive-descent parser for the text inside {@code ${{ }}} and for {@code if:} conditions. No eval, no scripting:
 * <pre>
 * or      := and (('||' | 'or') and)*
 * and     := unary (('&&' | 'and') unary)*
 * unary   := ('!' | 'not') unary | compare
 * compare := primary (('=='|'!='|'<'|'<='|'>'|'>=') primary)?
 * primary := '(' or ')' | string | number | true | false | null | fn '(' ')' | context '.' reference
 * </pre>
 * The Python toolkit evaluates conditions as Python after substituting references, so its scenarios also write
 * {@code and}, {@code or}, {@code not}, {@code None}, {@code True} and {@code False}: accepted as the same.
 * A {@code steps.} / {@code group.} reference names a step by id or by display name (spaces allowed): the name runs up
 * to the first {@code .result}, {@code .status}, ... field of the result record.
 */
public final class ExpressionParser {
  private static final Set<String> FUNCTIONS = Set.of("success", "failure", "always", "cancelled");
  private static final Set<String> CONTEXTS = Set.of("steps", "group", "loop", "data_files", "config", "env");
  private static final Pattern FIELD_BOUNDARY = Pattern.compile(
      "\\.(result|status|error_message|id|name|phase|duration|logs|continue_on_error|http_exchanges)(?![A-Za-z0-9_-])");
  private static final Pattern OPERATOR_CHARS = Pattern.compile("==|!=|&&|\\|\\||[<>'\"]");
  private static final int CACHE_LIMIT = 20_000;
  private static final Map<String, Expr> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, Expr> CONDITIONS = new ConcurrentHashMap<>();

  private final String text;
  private int pos;

  private ExpressionParser(String text) {
    this.text = text;
  }

  /**
   * A step's {@code if} or a loop's {@code while} as written (bare or wrapped in ${{ }}), parsed once: cached by the
   * text the step definition holds, so a run does not unwrap or hash a new string per step.
   */
  public static Expr parseCondition(String raw) {
    Expr cached = CONDITIONS.get(raw);
    if (cached != null) {
      return cached;
    }
    Expr e = parse(unwrapCondition(raw));
    if (CONDITIONS.size() >= CACHE_LIMIT) {
      CONDITIONS.clear();
    }
    CONDITIONS.put(raw, e);
    return e;
  }

  /** A condition may be written bare or wrapped in ${{ }}. */
  public static String unwrapCondition(String condition) {
    String t = condition.trim();
    if (t.startsWith(Templates.OPEN) && t.endsWith(Templates.CLOSE)) {
      return t.substring(Templates.OPEN.length(), t.length() - Templates.CLOSE.length()).trim();
    }
    return t;
  }

  /** Parses (cached: the tree is immutable). */
  public static Expr parse(String text) {
    Expr cached = CACHE.get(text);
    if (cached != null) {
      return cached;
    }
    ExpressionParser p = new ExpressionParser(text);
    p.skipWs();
    if (p.pos >= text.length()) {
      throw new ExpressionException("empty expression", 0);
    }
    Expr e = p.or();
    p.skipWs();
    if (p.pos < text.length()) {
      throw new ExpressionException("unexpected '" + text.substring(p.pos, Math.min(text.length(), p.pos + 12))
          + "' at " + p.pos, p.pos);
    }
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(text, e);
    return e;
  }

  private Expr or() {
    Expr left = and();
    while (accept("||") || acceptWord("or")) {
      left = new Expr.Or(left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = unary();
    while (accept("&&") || acceptWord("and")) {
      left = new Expr.And(left, unary());
    }
    return left;
  }

  private Expr unary() {
    skipWs();
    if (peek('!') && !text.startsWith("!=", pos)) {
      pos++;
      return new Expr.Not(unary());
    }
    if (acceptWord("not")) {
      return new Expr.Not(unary());
    }
    return compare();
  }

  private Expr compare() {
    Expr left = primary();
    skipWs();
    for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return new Expr.Compare(op, left, primary());
      }
    }
    return left;
  }

  private Expr primary() {
    skipWs();
    if (pos >= text.length()) {
      throw new ExpressionException("expression ends too early", pos);
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      Expr inner = or();
      expect(')');
      return inner;
    }
    if (c == '\'' || c == '"') {
      return new Expr.Literal(string(c));
    }
    if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
      return new Expr.Literal(number());
    }
    if (Character.isLetter(c) || c == '_') {
      int start = pos;
      String ident = identifier();
      switch (ident) {
        case "true", "True":
          return new Expr.Literal(Boolean.TRUE);
        case "false", "False":
          return new Expr.Literal(Boolean.FALSE);
        case "null", "None":
          return new Expr.Literal(null);
        default:
          break;
      }
      skipWs();
      if (peek('(')) {
        if (!FUNCTIONS.contains(ident)) {
          throw new ExpressionException("unknown function '" + ident + "()' (known: " + FUNCTIONS + ")", start);
        }
        pos++;
        expect(')');
        return new Expr.Call(ident);
      }
      if (CONTEXTS.contains(ident) && peek('.')) {
        pos++;
        return reference(ident, start);
      }
      throw new ExpressionException("unknown name '" + ident + "' at " + start
          + " (expected steps., group., loop., data_files., config., env., a function or a literal)", start);
    }
    throw new ExpressionException("unexpected '" + c + "' at " + pos, pos);
  }

  private Expr reference(String context, int start) {
    String name;
    if (context.equals("steps") || context.equals("group")) {
      name = stepName(start);
    } else {
      name = segmentName();
    }
    List<Segment> path = new ArrayList<>();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '.') {
        pos++;
        path.add(Segment.key(segmentName()));
      } else if (c == '[') {
        pos++;
        skipWs();
        if (peek('\'') || peek('"')) {
          path.add(Segment.key(string(text.charAt(pos))));
        } else {
          Object n = number();
          if (!(n instanceof Long l) || l < 0 || l > Integer.MAX_VALUE) {
            throw new ExpressionException("list index must be a whole number >= 0 at " + pos, pos);
          }
          path.add(Segment.index(l.intValue()));
        }
        skipWs();
        expect(']');
      } else {
        break;
      }
    }
    return new Expr.Ref(context, name, List.copyOf(path));
  }

  /** A step id or display name: up to the first result-record field, else a plain id. */
  private String stepName(int start) {
    Matcher m = FIELD_BOUNDARY.matcher(text);
    if (m.find(pos)) {
      String candidate = text.substring(pos, m.start());
      if (!candidate.isBlank() && !OPERATOR_CHARS.matcher(candidate).find()) {
        pos = m.start();
        return candidate.trim();
      }
    }
    int s = pos;
    while (pos < text.length() && isIdChar(text.charAt(pos))) {
      pos++;
    }
    if (s == pos) {
      throw new ExpressionException("a step id or name is expected after '" + text.substring(start, s) + "'", s);
    }
    return text.substring(s, pos);
  }

  private String segmentName() {
    int s = pos;
    while (pos < text.length() && isIdChar(text.charAt(pos))) {
      pos++;
    }
    if (s == pos) {
      throw new ExpressionException("a name is expected at " + s, s);
    }
    return text.substring(s, pos);
  }

  private static boolean isIdChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private String identifier() {
    int s = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(s, pos);
  }

  private String string(char quote) {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (c == '\\' && pos < text.length()) {
        char n = text.charAt(pos++);
        sb.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> n;
        });
      } else {
        sb.append(c);
      }
    }
    throw new ExpressionException("unterminated string starting at " + start, start);
  }

  private Object number() {
    int s = pos;
    if (peek('-')) {
      pos++;
    }
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    boolean fraction = false;
    if (peek('.') && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
      fraction = true;
      pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    String n = text.substring(s, pos);
    if (n.isEmpty() || n.equals("-")) {
      throw new ExpressionException("a number is expected at " + s, s);
    }
    try {
      return fraction ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
    } catch (NumberFormatException e) {
      throw new ExpressionException("number out of range at " + s, s);
    }
  }

  /** A keyword ({@code and}, {@code or}, {@code not}) as a whole word. */
  private boolean acceptWord(String word) {
    skipWs();
    int end = pos + word.length();
    if (text.startsWith(word, pos) && (end >= text.length() || !isIdChar(text.charAt(end)) && text.charAt(end) != '.')) {
      pos = end;
      return true;
    }
    return false;
  }

  private boolean accept(String token) {
    skipWs();
    if (text.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void expect(char c) {
    skipWs();
    if (!peek(c)) {
      throw new ExpressionException("'" + c + "' expected at " + pos, pos);
    }
    pos++;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipWs() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
