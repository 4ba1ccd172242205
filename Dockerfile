# Builds one Plazo service: docker build --build-arg SERVICE=case-service .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN ./mvnw -q -B -pl ${SERVICE} -am package -DskipTests -Dspring-javaformat.skip=true \
    && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /service.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 plazo \
    && mkdir /plazo-keys && chown plazo /plazo-keys && chmod 700 /plazo-keys
# Key files (docs/security.md): a named volume mounted here starts with this owner and mode.
USER plazo
COPY --from=build /service.jar /app/service.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
