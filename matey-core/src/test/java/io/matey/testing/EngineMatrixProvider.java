package io.matey.testing;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;

/** Supplies the names of the {@link TestEngines} an {@link EngineMatrix} selects. */
final class EngineMatrixProvider implements ArgumentsProvider, AnnotationConsumer<EngineMatrix> {

    private EngineMatrix matrix;

    @Override
    public void accept(EngineMatrix annotation) {
        this.matrix = annotation;
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        return TestEngines.select(matrix).map(e -> Arguments.of(e.name()));
    }
}
