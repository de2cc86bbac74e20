# ekinerja_embed_sql(<target> <name> <dir>): compiles every .sql file under <dir> into <target>, as
#   absl::Span<const ekinerja::EmbeddedFile> ekinerja::embedded::<name>_sql();
# sorted by relative path (so V001__ comes before V002__).
set(EKINERJA_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_sql_gen.cmake)
function(ekinerja_embed_sql target name dir)
  file(GLOB_RECURSE sql_files CONFIGURE_DEPENDS ${dir}/*.sql)
  list(SORT sql_files)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${name}_sql_embedded.cc)
  string(REPLACE ";" "|" files_arg "${sql_files}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DNAME=${name} -DDIR=${dir} -DOUT=${out}
      "-DFILES=${files_arg}" -P ${EKINERJA_EMBED_SCRIPT}
    DEPENDS ${sql_files} ${EKINERJA_EMBED_SCRIPT}
    COMMENT "embedding SQL of ${name}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
