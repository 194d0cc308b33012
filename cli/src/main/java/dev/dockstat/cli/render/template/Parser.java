package dev.dockstat.cli.render.template;

import dev.dockstat.cli.render.template.Node.*;
import dev.dockstat.cli.render.template.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the tree of a template from its tokens, with Go's rules and messages: functions must be
 * known and variables declared when used; {@code else}, {@code end}, {@code break} and
 * {@code continue} only where they belong; {@code define} and {@code block} add named templates.
 */
final class Parser {

    private final List<Token> tokens;
    private final Set<String> functions;
    private final Map<String, ListNode> templates = new LinkedHashMap<>();
    private final List<String> vars = new ArrayList<>(List.of("$"));
    private int index;
    private int rangeDepth;

    private Parser(String text, Set<String> functions) {
        this.tokens = Lexer.lex(text);
        this.functions = functions;
    }

    /** The named templates; "" is the main one. */
    static Map<String, ListNode> parse(String text, Set<String> functions) {
        Parser p = new Parser(text, functions);
        ListNode root = p.parseRoot();
        Map<String, ListNode> all = new LinkedHashMap<>();
        all.put("", root);
        p.templates.forEach((name, body) -> {
            if (!name.isEmpty() || root.nodes().stream().allMatch(Parser::emptyish)) {
                all.put(name, body);
            }
        });
        return all;
    }

    /** Go lets a define replace a main template that is only white space and comments. */
    private static boolean emptyish(Node n) {
        return n instanceof CommentNode || n instanceof TextNode t && t.text().isBlank();
    }

    private TemplateException error(String message) {
        int line = index > 0 && index <= tokens.size() ? tokens.get(Math.max(0, index - 1)).line() : 1;
        return new TemplateException("template: :" + line + ": " + message, false);
    }

    private Token next() {
        Token t = tokens.get(Math.min(index, tokens.size() - 1));
        index++;
        return t;
    }

    private void backup() {
        index--;
    }

    private Token peek() {
        return tokens.get(Math.min(index, tokens.size() - 1));
    }

    private Token nextNonSpace() {
        Token t;
        do {
            t = next();
        } while (t.kind() == Kind.SPACE);
        return t;
    }

    private Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    private Token expect(Kind kind, String context) {
        Token t = nextNonSpace();
        if (t.kind() != kind) {
            throw unexpected(t, context);
        }
        return t;
    }

    private TemplateException unexpected(Token t, String context) {
        if (t.kind() == Kind.ERROR) {
            return error(t.text());
        }
        return error("unexpected " + t + " in " + context);
    }

    private ListNode parseRoot() {
        List<Node> nodes = new ArrayList<>();
        while (peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.LEFT_DELIM) {
                int save = index;
                next();
                if (nextNonSpace().kind() == Kind.DEFINE) {
                    parseDefinition();
                    continue;
                }
                index = save;
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw error("unexpected " + n);
            }
            nodes.add(n);
        }
        if (peek().kind() == Kind.ERROR) {
            throw error(peek().text());
        }
        return new ListNode(0, List.copyOf(nodes));
    }

    private void parseDefinition() {
        String context = "define clause";
        Token name = nextNonSpace();
        if (name.kind() != Kind.STRING && name.kind() != Kind.RAW_STRING) {
            throw unexpected(name, context);
        }
        expect(Kind.RIGHT_DELIM, context);
        defineBody(name, context);
    }

    /**
     * The body of {@code define} or {@code block} up to its {@code end}, registered under its name: a
     * template of its own, so it sees only {@code $} of the enclosing template's variables, as in Go.
     */
    private void defineBody(Token name, String context) {
        List<String> saved = new ArrayList<>(vars);
        vars.clear();
        vars.add("$");
        Object[] listAndEnd = itemList();
        vars.clear();
        vars.addAll(saved);
        if (!(listAndEnd[1] instanceof EndNode)) {
            throw error("unexpected " + listAndEnd[1] + " in " + context);
        }
        templates.put(unquote(name), (ListNode) listAndEnd[0]);
    }

    /** [ListNode, the EndNode or ElseNode that closed it]. */
    private Object[] itemList() {
        List<Node> nodes = new ArrayList<>();
        int pos = peekNonSpace().pos();
        while (peekNonSpace().kind() != Kind.EOF) {
            if (peek().kind() == Kind.ERROR) {
                throw error(peek().text());
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new Object[] {new ListNode(pos, List.copyOf(nodes)), n};
            }
            nodes.add(n);
        }
        if (peekNonSpace().kind() == Kind.ERROR) {
            throw error(peekNonSpace().text());
        }
        throw error("unexpected EOF");
    }

    private Node textOrAction() {
        Token t = nextNonSpace();
        return switch (t.kind()) {
            case TEXT -> new TextNode(t.pos(), t.text());
            case LEFT_DELIM -> action();
            case COMMENT -> new CommentNode(t.pos(), t.text());
            default -> throw unexpected(t, "input");
        };
    }

    private Node action() {
        Token t = nextNonSpace();
        switch (t.kind()) {
            case BLOCK:
                return blockControl(t);
            case BREAK:
                return breakOrContinue(t, "break");
            case CONTINUE:
                return breakOrContinue(t, "continue");
            case ELSE:
                return elseControl(t);
            case END:
                expect(Kind.RIGHT_DELIM, "end");
                return new EndNode(t.pos());
            case IF:
                return control(t, "if", true);
            case RANGE:
                return control(t, "range", false);
            case TEMPLATE:
                return templateControl(t);
            case WITH:
                return control(t, "with", true);
            default:
                backup();
                Token first = peek();
                return new ActionNode(first.pos(), pipeline("command", Kind.RIGHT_DELIM));
        }
    }

    private Node breakOrContinue(Token t, String word) {
        Token close = nextNonSpace();
        if (close.kind() != Kind.RIGHT_DELIM) {
            throw unexpected(close, "{{" + word + "}}");
        }
        if (rangeDepth == 0) {
            throw error("{{" + word + "}} outside {{range}}");
        }
        return word.equals("break") ? new BreakNode(t.pos()) : new ContinueNode(t.pos());
    }

    private Node elseControl(Token t) {
        Token p = peekNonSpace();
        if (p.kind() == Kind.IF || p.kind() == Kind.WITH) {
            return new ElseNode(p.pos(), true); // "else if" / "else with": the keyword stays for control()
        }
        expect(Kind.RIGHT_DELIM, "else");
        return new ElseNode(t.pos(), false);
    }

    private Node control(Token t, String keyword, boolean allowElseChain) {
        int mark = vars.size();
        try {
            PipeNode pipe = pipeline(keyword, Kind.RIGHT_DELIM);
            if (keyword.equals("range")) {
                rangeDepth++;
            }
            Object[] listAndNext = itemList();
            if (keyword.equals("range")) {
                rangeDepth--;
            }
            ListNode list = (ListNode) listAndNext[0];
            ListNode elseList = null;
            if (listAndNext[1] instanceof ElseNode e) {
                if (allowElseChain && e.chained()) {
                    Token chained = nextNonSpace(); // the "if" or "with" after else
                    boolean sameKind = chained.kind() == Kind.IF && keyword.equals("if")
                            || chained.kind() == Kind.WITH && keyword.equals("with");
                    if (!sameKind) {
                        throw unexpected(chained, "else");
                    }
                    Node inner = control(chained, keyword, true);
                    elseList = new ListNode(inner.pos(), List.of(inner));
                } else {
                    if (e.chained()) {
                        throw unexpected(nextNonSpace(), "input");
                    }
                    Object[] elseAndEnd = itemList();
                    if (!(elseAndEnd[1] instanceof EndNode)) {
                        throw error("expected end; found " + elseAndEnd[1]);
                    }
                    elseList = (ListNode) elseAndEnd[0];
                }
            }
            return new BranchNode(t.pos(), keyword, pipe, list, elseList);
        } finally {
            while (vars.size() > mark) {
                vars.remove(vars.size() - 1);
            }
        }
    }

    private Node templateControl(Token t) {
        String context = "template clause";
        Token name = nextNonSpace();
        if (name.kind() != Kind.STRING && name.kind() != Kind.RAW_STRING) {
            throw unexpected(name, context);
        }
        PipeNode pipe = null;
        if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, Kind.RIGHT_DELIM);
        }
        return new TemplateNode(name.pos(), unquote(name), pipe); // Go places it at the name
    }

    private Node blockControl(Token t) {
        String context = "block clause";
        Token name = nextNonSpace();
        if (name.kind() != Kind.STRING && name.kind() != Kind.RAW_STRING) {
            throw unexpected(name, context);
        }
        PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
        defineBody(name, context);
        return new TemplateNode(t.pos(), unquote(name), pipe);
    }

    private PipeNode pipeline(String context, Kind end) {
        Token first = peekNonSpace();
        List<VariableNode> decl = new ArrayList<>();
        boolean isAssign = false;
        decls:
        while (true) {
            Token v = peekNonSpace();
            if (v.kind() != Kind.VARIABLE) {
                break;
            }
            int before = index;
            nextNonSpace();
            Token afterVariable = peek();
            Token n = peekNonSpace();
            if (n.kind() == Kind.ASSIGN || n.kind() == Kind.DECLARE) {
                isAssign = n.kind() == Kind.ASSIGN;
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.text())));
                vars.add(v.text());
                break;
            } else if (n.kind() == Kind.CHAR && n.text().equals(",")) {
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.text())));
                vars.add(v.text());
                if (context.equals("range") && decl.size() < 2) {
                    Token p = peekNonSpace();
                    if (p.kind() == Kind.VARIABLE) {
                        continue decls;
                    }
                    throw error("range can only initialize variables");
                }
                throw error("too many declarations in " + context);
            } else {
                index = before;
                break;
            }
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Token t = nextNonSpace();
            if (t.kind() == end) {
                PipeNode pipe = new PipeNode(first.pos(), isAssign, List.copyOf(decl), List.copyOf(cmds));
                checkPipeline(pipe, context);
                return pipe;
            }
            switch (t.kind()) {
                case BOOL, CHAR_CONSTANT, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE, LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(t, context);
            }
        }
    }

    private void checkPipeline(PipeNode pipe, String context) {
        if (pipe.cmds().isEmpty()) {
            throw error("missing value for " + context);
        }
        for (int i = 1; i < pipe.cmds().size(); i++) {
            Node first = pipe.cmds().get(i).args().get(0);
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                throw error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token t = next();
            switch (t.kind()) {
                case SPACE -> {
                    continue;
                }
                case RIGHT_DELIM, RIGHT_PAREN -> backup();
                case PIPE -> {
                    // the next command follows
                }
                default -> throw unexpected(t, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw error("empty command");
        }
        return new CommandNode(pos, List.copyOf(args));
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().kind() == Kind.FIELD) {
            int chainPos = peek().pos(); // Go places a chain at its second part
            List<String> fields = new ArrayList<>();
            while (peek().kind() == Kind.FIELD) {
                fields.add(next().text().substring(1));
            }
            if (node instanceof FieldNode f) {
                List<String> all = new ArrayList<>(f.ident());
                all.addAll(fields);
                return new FieldNode(chainPos, List.copyOf(all));
            } else if (node instanceof VariableNode v) {
                List<String> all = new ArrayList<>(v.ident());
                all.addAll(fields);
                return new VariableNode(chainPos, List.copyOf(all));
            } else if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                    || node instanceof NilNode || node instanceof DotNode) {
                throw error("unexpected . after term " + GoFormat.quote(node.toString()));
            }
            return new ChainNode(chainPos, node, List.copyOf(fields));
        }
        return node;
    }

    private Node term() {
        Token t = nextNonSpace();
        switch (t.kind()) {
            case IDENTIFIER:
                if (!functions.contains(t.text())) {
                    throw error("function " + GoFormat.quote(t.text()) + " not defined");
                }
                return new IdentifierNode(t.pos(), t.text());
            case DOT:
                return new DotNode(t.pos());
            case NIL:
                return new NilNode(t.pos());
            case VARIABLE:
                if (!vars.contains(t.text())) {
                    throw error("undefined variable " + GoFormat.quote(t.text()));
                }
                return new VariableNode(t.pos(), List.of(t.text()));
            case FIELD:
                return new FieldNode(t.pos(), List.of(t.text().substring(1)));
            case BOOL:
                return new BoolNode(t.pos(), t.text().equals("true"));
            case CHAR_CONSTANT:
            case NUMBER:
                return Numbers.parse(t, this::error);
            case LEFT_PAREN:
                return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
            case STRING:
            case RAW_STRING:
                return new StringNode(t.pos(), t.text(), unquote(t));
            default:
                backup();
                return null;
        }
    }

    private String unquote(Token t) {
        if (t.kind() == Kind.RAW_STRING) {
            return t.text().substring(1, t.text().length() - 1).replace("\r", "");
        }
        String s = Numbers.unquote(t.text());
        if (s == null) {
            throw error("invalid syntax");
        }
        return s;
    }
}
