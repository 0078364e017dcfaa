package io.providerkind.testsupport.realparts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs a Docker engine that answers the docker CLI (as the kind test double and {@code make image}
 * reach it): without one it fails under {@code CI=true} and is skipped elsewhere.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(DockerEngineCondition.class)
public @interface RequiresDocker {}
