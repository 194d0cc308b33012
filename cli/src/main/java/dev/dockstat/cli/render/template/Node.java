package dev.dockstat.cli.render.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree of a template, one record per construct of Go's text/template. {@code pos} is the
 * character index of the node in the template, for error positions; {@code toString} is Go's
 * rendering of the node, which error messages quote.
 */
sealed interface Node {

    int pos();

    record ListNode(int pos, List<Node> nodes) implements Node {
        @Override
        public String toString() {
            return nodes.stream().map(Object::toString).collect(Collectors.joining());
        }
    }

    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record CommentNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record ActionNode(int pos, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    /** if, range and with: a pipeline, a body and an optional else. */
    record BranchNode(int pos, String keyword, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String toString() {
            return "{{" + keyword + " " + pipe + "}}" + list + (elseList == null ? "" : "{{else}}" + elseList) + "{{end}}";
        }
    }

    record BreakNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    /** Marks the end of a body for the parser; never in a finished tree. */
    record EndNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    /** Marks an else for the parser; never in a finished tree. */
    record ElseNode(int pos, boolean chained) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }

    record TemplateNode(int pos, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{template " + GoFormat.quote(name) + (pipe == null ? "" : " " + pipe) + "}}";
        }
    }

    /** A pipeline: optional variable declarations, commands joined by {@code |}. */
    record PipeNode(int pos, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds) implements Node {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            if (!decl.isEmpty()) {
                s.append(decl.stream().map(Object::toString).collect(Collectors.joining(", ")))
                        .append(isAssign ? " = " : " := ");
            }
            s.append(cmds.stream().map(Object::toString).collect(Collectors.joining(" | ")));
            return s.toString();
        }
    }

    record CommandNode(int pos, List<Node> args) implements Node {
        @Override
        public String toString() {
            return args.stream().map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
                    .collect(Collectors.joining(" "));
        }
    }

    record IdentifierNode(int pos, String ident) implements Node {
        @Override
        public String toString() {
            return ident;
        }
    }

    /** {@code $x.Field.Sub}: the variable's name then the fields. */
    record VariableNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    /** {@code .Field.Sub}. */
    record FieldNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return ident.stream().map(i -> "." + i).collect(Collectors.joining());
        }
    }

    /** {@code (pipeline).Field}: fields of something other than dot or a variable. */
    record ChainNode(int pos, Node node, List<String> field) implements Node {
        @Override
        public String toString() {
            String head = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return head + field.stream().map(f -> "." + f).collect(Collectors.joining());
        }
    }

    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** A number as Go reads a constant: which of int, float it can be, with its text. */
    record NumberNode(int pos, String text, boolean isInt, long intValue, boolean isFloat, double floatValue)
            implements Node {
        @Override
        public String toString() {
            return text;
        }
    }
}
