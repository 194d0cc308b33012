package dev.dockstat.cli.render.template;

import dev.dockstat.cli.render.template.GoValues.GoMap;
import dev.dockstat.cli.render.template.GoValues.Member;
import dev.dockstat.cli.render.template.GoValues.Slice;
import dev.dockstat.cli.render.template.GoValues.Struct;
import dev.dockstat.cli.render.template.Node.*;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a parsed template over a value, as Go's text/template executes: fields and methods of
 * structs, map keys ({@code <no value>} when absent), variables with their scopes, if/with/range
 * with Go's truth, break/continue, named templates, and function calls with Go's argument checks.
 * An error stops the run with Go's message naming the position and the node.
 */
final class Exec {

    /** How deep templates may call templates (Go allows far more; Java's stack does not). */
    static final int MAX_DEPTH = 1000;
    /** Output bigger than this is refused rather than exhausting memory. */
    static final int MAX_OUTPUT = 16 << 20;

    private static final Object MISSING = new Object(); // no piped value

    private static final class Break extends RuntimeException {
        Break() {
            super(null, null, false, false);
        }
    }

    private static final class Continue extends RuntimeException {
        Continue() {
            super(null, null, false, false);
        }
    }

    private record Var(String name, Object[] value) {}

    private final String text;
    private final Map<String, ListNode> templates;
    private final Map<String, Func> funcs;
    private final StringBuilder out;
    private String name = "";
    private Node node;
    private List<Var> vars = new ArrayList<>();
    private int depth;

    Exec(String text, Map<String, ListNode> templates, Map<String, Func> funcs, StringBuilder out) {
        this.text = text;
        this.templates = templates;
        this.funcs = funcs;
        this.out = out;
    }

    void run(Object data) {
        vars.add(new Var("$", new Object[] {data}));
        walk(data, templates.get(""));
    }

    // ---- errors

    private TemplateException error(String message, boolean dataDependent) {
        if (node == null) {
            return new TemplateException("template: " + name + ": " + message, dataDependent);
        }
        int pos = Math.min(node.pos(), text.length());
        String before = text.substring(0, pos);
        int lastNewline = before.lastIndexOf('\n');
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.substring(lastNewline + 1).getBytes(StandardCharsets.UTF_8).length;
        String context = node.toString(); // Go quotes the whole node (older versions cut it at 20 bytes)
        return new TemplateException("template: :" + line + ":" + column + ": executing " + GoFormat.quote(name)
                + " at <" + context + ">: " + message, dataDependent);
    }

    private TemplateException error(String message) {
        return error(message, true);
    }

    private TemplateException staticError(String message) {
        return error(message, false);
    }

    // ---- walking

    private void walk(Object dot, Node n) {
        node = n;
        switch (n) {
            case ActionNode a -> {
                Object v = evalPipeline(dot, a.pipe());
                if (a.pipe().decl().isEmpty()) {
                    node = a;
                    write(GoFormat.printTop(v));
                }
            }
            case CommentNode c -> {
                // nothing
            }
            case ListNode l -> {
                for (Node child : l.nodes()) {
                    walk(dot, child);
                }
            }
            case TextNode t -> write(t.text());
            case BranchNode b when b.keyword().equals("range") -> walkRange(dot, b);
            case BranchNode b -> walkIfOrWith(dot, b);
            case TemplateNode t -> walkTemplate(dot, t);
            case BreakNode b -> throw new Break();
            case ContinueNode c -> throw new Continue();
            default -> throw error("unknown node: " + n);
        }
    }

    private void write(String s) {
        if (out.length() + (long) s.length() > MAX_OUTPUT) {
            throw error("output larger than " + MAX_OUTPUT + " characters");
        }
        out.append(s);
    }

    private void walkIfOrWith(Object dot, BranchNode b) {
        int mark = vars.size();
        try {
            Object v = evalPipeline(dot, b.pipe());
            if (GoValues.truth(v)) {
                walk(b.keyword().equals("with") ? v : dot, b.list());
            } else if (b.elseList() != null) {
                walk(dot, b.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        node = r;
        int outer = vars.size();
        try {
            Object v = evalPipeline(dot, r.pipe());
            int mark = vars.size();
            List<Object[]> items = new ArrayList<>(); // {index, element}
            if (v instanceof Slice s) {
                for (int i = 0; i < s.items().size(); i++) {
                    items.add(new Object[] {(long) i, s.items().get(i)});
                }
            } else if (v instanceof GoMap m) {
                if (m.entries() != null) {
                    m.entries().forEach((k, e) -> items.add(new Object[] {k, e}));
                }
            } else if (GoValues.integer(v) != null) {
                long count = GoValues.integer(v);
                if (r.pipe().decl().size() > 1) {
                    throw error("can't use " + count + " to iterate over more than one variable");
                }
                for (long i = 0; i < count; i++) {
                    items.add(new Object[] {i, v instanceof Long ? (Object) i : new GoValues.Int64(i)});
                    if (items.size() > MAX_OUTPUT) {
                        throw error("range over " + count + " is more than dockstat runs");
                    }
                }
            } else if (v != null && v != GoValues.NO_VALUE) {
                throw error("range can't iterate over " + GoFormat.printTop(v));
            }
            if (items.isEmpty()) {
                if (r.elseList() != null) {
                    walk(dot, r.elseList());
                }
                return;
            }
            for (Object[] item : items) {
                List<VariableNode> decl = r.pipe().decl();
                if (!decl.isEmpty()) {
                    if (r.pipe().isAssign()) {
                        setVar(decl.get(decl.size() - 1).ident().get(0), item[1]);
                        if (decl.size() > 1) {
                            setVar(decl.get(0).ident().get(0), item[0]);
                        }
                    } else {
                        vars.get(vars.size() - 1).value()[0] = item[1];
                        if (decl.size() > 1) {
                            vars.get(vars.size() - 2).value()[0] = item[0];
                        }
                    }
                }
                try {
                    walk(item[1], r.list());
                } catch (Continue c) {
                    // next element
                } catch (Break b) {
                    break;
                } finally {
                    pop(mark);
                }
            }
        } finally {
            pop(outer);
        }
    }

    private void walkTemplate(Object dot, TemplateNode t) {
        node = t;
        ListNode body = templates.get(t.name());
        if (body == null) {
            throw staticError("template " + GoFormat.quote(t.name()) + " not defined");
        }
        if (depth >= MAX_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
        List<Var> saved = vars;
        String savedName = name;
        vars = new ArrayList<>();
        vars.add(new Var("$", new Object[] {newDot}));
        name = t.name();
        depth++;
        try {
            walk(newDot, body);
        } finally {
            depth--;
            vars = saved;
            name = savedName;
        }
    }

    private void pop(int mark) {
        while (vars.size() > mark) {
            vars.remove(vars.size() - 1);
        }
    }

    private void setVar(String varName, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(varName)) {
                vars.get(i).value()[0] = value;
                return;
            }
        }
        throw staticError("undefined variable: " + varName);
    }

    private Object varValue(String varName) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(varName)) {
                return vars.get(i).value()[0];
            }
        }
        throw staticError("undefined variable: " + varName);
    }

    // ---- evaluation

    private Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        node = pipe;
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        for (VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(v.ident().get(0), value);
            } else {
                vars.add(new Var(v.ident().get(0), new Object[] {value}));
            }
        }
        return value;
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args != null && args.size() > 1 || fin != MISSING) {
            throw staticError("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        switch (first) {
            case FieldNode f -> {
                return evalFieldNode(dot, f, cmd.args(), fin);
            }
            case ChainNode c -> {
                return evalChainNode(dot, c, cmd.args(), fin);
            }
            case IdentifierNode id -> {
                return evalFunction(dot, id, cmd, cmd.args(), fin);
            }
            case PipeNode p -> {
                notAFunction(cmd.args(), fin);
                return evalPipeline(dot, p);
            }
            case VariableNode v -> {
                return evalVariableNode(dot, v, cmd.args(), fin);
            }
            default -> {
                // constants below
            }
        }
        node = first;
        notAFunction(cmd.args(), fin);
        return switch (first) {
            case BoolNode b -> b.value();
            case DotNode d -> dot;
            case NilNode n -> throw staticError("nil is not a command");
            case NumberNode n -> idealConstant(n);
            case StringNode s -> s.text();
            default -> throw staticError("can't evaluate command " + GoFormat.quote(first.toString()));
        };
    }

    private Object idealConstant(NumberNode n) {
        node = n;
        String t = n.text();
        boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
                && !t.contains("p") && !t.contains("P");
        boolean rune = t.startsWith("'");
        if (n.isFloat() && !hexInt && !rune && t.chars().anyMatch(c -> ".eEpP".indexOf(c) >= 0)) {
            return n.floatValue();
        }
        if (n.isInt()) {
            return n.intValue();
        }
        throw staticError(t + " overflows int");
    }

    private Object evalFieldNode(Object dot, FieldNode f, List<Node> args, Object fin) {
        node = f;
        return evalFieldChain(dot, dot, f, f.ident(), args, fin);
    }

    private Object evalChainNode(Object dot, ChainNode c, List<Node> args, Object fin) {
        node = c;
        if (c.node() instanceof NilNode) {
            throw staticError("indirection through explicit nil in " + c);
        }
        Object pipe = evalArg(dot, "value", c.node());
        node = c;
        return evalFieldChain(dot, pipe, c, c.field(), args, fin);
    }

    private Object evalVariableNode(Object dot, VariableNode v, List<Node> args, Object fin) {
        node = v;
        Object value = varValue(v.ident().get(0));
        if (v.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, v, v.ident().subList(1, v.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node at, List<String> ident, List<Node> args, Object fin) {
        int n = ident.size();
        Object r = receiver;
        for (int i = 0; i < n - 1; i++) {
            r = evalField(dot, ident.get(i), at, null, MISSING, r);
        }
        return evalField(dot, ident.get(n - 1), at, args, fin, r);
    }

    private Object evalField(Object dot, String field, Node at, List<Node> args, Object fin, Object receiver) {
        if (receiver == null || receiver == GoValues.NO_VALUE) {
            return GoValues.NO_VALUE;
        }
        boolean hasArgs = args != null && args.size() > 1 || fin != MISSING;
        if (receiver instanceof Struct s) {
            Member m = s.member(field);
            if (m != null && m.method()) {
                int got = (args == null ? 0 : args.size() - 1) + (fin != MISSING ? 1 : 0);
                if (got != 0) {
                    throw staticError("wrong number of args for " + field + ": want 0 got " + got);
                }
                return m.value();
            }
            if (m != null) {
                if (hasArgs) {
                    throw staticError(field + " has arguments but cannot be invoked as function");
                }
                return m.value();
            }
        } else if (receiver instanceof GoMap map) {
            if (hasArgs) {
                throw staticError(field + " is not a method but has arguments");
            }
            Object v = map.entries() == null ? null : map.entries().get(field);
            return v == null ? GoValues.NO_VALUE : v;
        }
        throw staticError("can't evaluate field " + field + " in type " + GoValues.typeName(receiver));
    }

    private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
        node = id;
        Func f = funcs.get(id.ident());
        if (f == null) {
            throw staticError(GoFormat.quote(id.ident()) + " is not a defined function");
        }
        return evalCall(dot, f, cmd, args, fin);
    }

    private Object evalCall(Object dot, Func f, Node cmd, List<Node> argNodes, Object fin) {
        List<Node> args = argNodes == null ? List.of() : argNodes.subList(1, argNodes.size());
        int numIn = args.size() + (fin != MISSING ? 1 : 0);
        int declared = f.params().size();
        if (f.variadic()) {
            if (numIn < declared - 1) {
                throw staticError("wrong number of args for " + f.name() + ": want at least " + (declared - 1) + " got "
                        + args.size());
            }
        } else if (numIn != declared) {
            throw staticError("wrong number of args for " + f.name() + ": want " + declared + " got " + numIn);
        }
        boolean lazy = f.name().equals("and") || f.name().equals("or");
        List<Object> argv = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Object v = evalArg(dot, f.paramType(i), args.get(i));
            argv.add(v);
            if (lazy) {
                boolean truth = GoValues.truth(v);
                if (f.name().equals("and") ? !truth : truth) {
                    return v; // and/or stop at the first value that decides
                }
            }
        }
        if (fin != MISSING) {
            argv.add(validateType(fin, f.paramType(numIn - 1)));
        }
        if (f.name().equals("call") && !args.isEmpty()) {
            Object fn = argv.get(0);
            node = cmd;
            // no value a template sees here is a function: Go names the argument that is not one
            throw error("error calling call: " + (fn == null || fn == GoValues.NO_VALUE ? "call of nil"
                    : "non-function " + args.get(0) + " of type " + GoValues.typeName(fn)));
        }
        try {
            return f.body().apply(argv);
        } catch (Func.Failure e) {
            node = cmd;
            throw error("error calling " + f.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            node = cmd;
            throw error("error calling " + f.name() + ": " + e.getMessage());
        }
    }

    private static boolean canBeNil(String type) {
        return type.equals("any") || type.equals("value") || type.startsWith("[]") || type.startsWith("map[");
    }

    private Object validateType(Object value, String type) {
        if (value == null || value == GoValues.NO_VALUE) {
            if (type.equals("value")) {
                return value;
            }
            if (canBeNil(type)) {
                return null;
            }
            throw error("invalid value; expected " + type);
        }
        if (type.equals("any") || type.equals("value")) {
            return value;
        }
        String actual = GoValues.typeName(value);
        if (!actual.equals(type)) {
            throw error("wrong type for value; expected " + type + "; got " + actual);
        }
        return value;
    }

    private Object evalArg(Object dot, String type, Node n) {
        node = n;
        switch (n) {
            case DotNode d -> {
                return validateType(dot, type);
            }
            case NilNode nil -> {
                if (canBeNil(type)) {
                    return null;
                }
                throw staticError("cannot assign nil to " + type);
            }
            case FieldNode f -> {
                return validateType(evalFieldNode(dot, f, List.of(n), MISSING), type);
            }
            case VariableNode v -> {
                return validateType(evalVariableNode(dot, v, null, MISSING), type);
            }
            case PipeNode p -> {
                return validateType(evalPipeline(dot, p), type);
            }
            case IdentifierNode id -> {
                return validateType(evalFunction(dot, id, id, null, MISSING), type);
            }
            case ChainNode c -> {
                return validateType(evalChainNode(dot, c, null, MISSING), type);
            }
            default -> {
                // constants below
            }
        }
        switch (type) {
            case "string" -> {
                if (n instanceof StringNode s) {
                    return s.text();
                }
                throw staticError("expected string; found " + n);
            }
            case "int" -> {
                if (n instanceof NumberNode num && num.isInt()) {
                    return num.intValue();
                }
                throw staticError("expected integer; found " + n);
            }
            case "any", "value" -> {
                return switch (n) {
                    case BoolNode b -> b.value();
                    case NumberNode num -> idealConstant(num);
                    case StringNode s -> s.text();
                    default -> throw staticError("can't handle assignment of " + n + " to empty interface argument");
                };
            }
            default -> throw staticError("can't handle " + n + " for arg of type " + type);
        }
    }
}
