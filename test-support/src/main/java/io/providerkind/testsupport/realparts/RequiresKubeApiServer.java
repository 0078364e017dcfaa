package io.providerkind.testsupport.realparts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs kube-apiserver, etcd and kubectl where kube-api-test looks for them ({@link KubeApiServerBinaries}):
 * without them it fails under {@code CI=true} and is skipped elsewhere. Put it beside
 * {@code @EnableKubeAPIServer(kubeAPIVersion = KubeApiServerBinaries.VERSION)}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(KubeApiServerCondition.class)
public @interface RequiresKubeApiServer {}
