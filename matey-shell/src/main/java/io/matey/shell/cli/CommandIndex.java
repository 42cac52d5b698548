package io.matey.shell.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command catalog as the build records it (docs/architecture.md §8): the annotated command methods are read
 * once, when the app is built, and each run reads this compact index instead of listing the jar and parsing the
 * annotations of every command, which cost a scripted command more than the rest of its start.
 */
final class CommandIndex {

    /** The class-path resource the build writes and {@link CommandCatalog#load()} reads. */
    static final String RESOURCE = "io/matey/shell/cli/commands.idx";
    private static final int FORMAT = 1;

    private CommandIndex() {
    }

    /** Build step: writes the index of the command classes under the class directory {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path index = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(index.getParent());
        try (OutputStream out = Files.newOutputStream(index)) {
            write(CommandCatalog.scan().commands(), out);
        }
    }

    static void write(List<CommandSpec> commands, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(FORMAT);
        out.writeInt(commands.size());
        for (CommandSpec command : commands) {
            Method method = command.method();
            out.writeUTF(method.getDeclaringClass().getName());
            out.writeUTF(method.getName());
            out.writeUTF(MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                    .toMethodDescriptorString());
            writeStrings(out, command.words());
            out.writeUTF(command.group());
            out.writeUTF(command.description());
            out.writeBoolean(command.hidden());
            out.writeBoolean(command.verbatim());
            out.writeInt(command.options().size());
            for (OptionSpec option : command.options()) {
                writeOption(out, option);
            }
        }
        out.flush();
    }

    static List<CommandSpec> read(InputStream stream, ClassLoader loader) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != FORMAT) {
            throw new IOException("the command index was written by another version of matey; rebuild the app");
        }
        int count = in.readInt();
        List<CommandSpec> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Method method = method(in.readUTF(), in.readUTF(), in.readUTF(), loader);
            List<String> words = readStrings(in);
            String group = in.readUTF();
            String description = in.readUTF();
            boolean hidden = in.readBoolean();
            boolean verbatim = in.readBoolean();
            Parameter[] parameters = method.getParameters();
            int optionCount = in.readInt();
            List<OptionSpec> options = new ArrayList<>(optionCount);
            for (int o = 0; o < optionCount; o++) {
                options.add(readOption(in, parameters));
            }
            commands.add(new CommandSpec(words, group, description, hidden, method, List.copyOf(options), verbatim));
        }
        return commands;
    }

    private static void writeOption(DataOutputStream out, OptionSpec option) throws IOException {
        Parameter[] parameters = option.parameter().getDeclaringExecutable().getParameters();
        out.writeInt(List.of(parameters).indexOf(option.parameter()));
        out.writeUTF(option.name());
        writeStrings(out, option.longNames());
        out.writeInt(option.shortNames().size());
        for (char c : option.shortNames()) {
            out.writeChar(c);
        }
        out.writeUTF(option.description());
        out.writeUTF(option.label());
        out.writeBoolean(option.required());
        out.writeUTF(option.defaultValue());
        out.writeInt(option.arityMin());
        out.writeInt(option.arityMax());
        out.writeBoolean(option.positional());
        out.writeBoolean(option.provider() != null);
        if (option.provider() != null) {
            out.writeUTF(option.provider());
        }
    }

    private static OptionSpec readOption(DataInputStream in, Parameter[] parameters) throws IOException {
        Parameter parameter = parameters[in.readInt()];
        String name = in.readUTF();
        List<String> longNames = readStrings(in);
        int shortCount = in.readInt();
        List<Character> shortNames = new ArrayList<>(shortCount);
        for (int s = 0; s < shortCount; s++) {
            shortNames.add(in.readChar());
        }
        String description = in.readUTF();
        String label = in.readUTF();
        boolean required = in.readBoolean();
        String defaultValue = in.readUTF();
        int arityMin = in.readInt();
        int arityMax = in.readInt();
        boolean positional = in.readBoolean();
        String provider = in.readBoolean() ? in.readUTF() : null;
        return new OptionSpec(name, longNames, List.copyOf(shortNames), description, label, required, defaultValue,
                arityMin, arityMax, positional, provider, parameter);
    }

    private static Method method(String className, String name, String descriptor, ClassLoader loader)
            throws IOException {
        try {
            Class<?> type = Class.forName(className, false, loader);
            Method method = type.getDeclaredMethod(name,
                    MethodType.fromMethodDescriptorString(descriptor, loader).parameterArray());
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | TypeNotPresentException e) {
            throw new IOException("the command index names " + className + "." + name
                    + ", which this build does not have; rebuild the app", e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(in.readUTF());
        }
        return List.copyOf(strings);
    }
}
